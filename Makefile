# Reciprocity Journal: `make run` opens the app, `make test` runs every check and test.
SHELL := /bin/bash
.DEFAULT_GOAL := test

.PHONY: test lint test-core bindings

test: lint test-core

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

test-core:
	cargo test --workspace

# Rewrites ui/src/bindings from the Rust types.
bindings:
	UPDATE_BINDINGS=1 cargo test -p reciprocity --lib bindings
