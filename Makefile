# Reciprocity Journal: `make run` opens the app, `make test` runs every check and test.
SHELL := /bin/bash
.DEFAULT_GOAL := test

.PHONY: test lint test-core bindings run setup-run setup-test ui app test-ui e2e screenshots soak bench bench-app \
  bundle check-package icons

# The desktop app's binary; honours CARGO_TARGET_DIR like cargo does.
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
APP_BIN := $(TARGET_DIR)/debug/reciprocity-desktop
XVFB := xvfb-run -a -s "-screen 0 1400x1000x24"

test: setup-test ui lint test-core test-ui e2e check-package

# Installs what is missing, builds the UI and the app, and opens the window
# (headless machines: `xvfb-run make run`).
run: setup-run app
	$(APP_BIN)

setup-run:
	scripts/setup.sh run

setup-test:
	scripts/setup.sh test

# The UI's static files, which the app embeds when built with `custom-protocol`.
ui:
	cd ui && npm run build

app: ui
	cargo build -p reciprocity-desktop

test-ui:
	cd ui && npm run check && npm test

# Drives the built app in a real window (tauri-driver + WebKitWebDriver under Xvfb).
e2e: app
	cargo build --bin recip
	RECIPROCITY_APP="$(abspath $(APP_BIN))" RECIPROCITY_CLI="$(abspath $(TARGET_DIR)/debug/recip)" \
	  $(XVFB) node --test --test-concurrency=1 e2e/tests/

# Refreshes the README's pictures in docs/screenshots/ (the tests alone write only to
# e2e/artifacts/): run it when a screen has changed, then look at and commit the pictures.
screenshots: setup-test app
	cargo build --bin recip
	RECIPROCITY_SCREENSHOTS=docs/screenshots RECIPROCITY_APP="$(abspath $(APP_BIN))" \
	  RECIPROCITY_CLI="$(abspath $(TARGET_DIR)/debug/recip)" \
	  $(XVFB) node --test --test-concurrency=1 e2e/tests/

# The window on generated 1-, 10- and 20-year journals (release build): restart to content,
# screen switches, Save to the timeline, memory, next to the floor app (benches/floor-app).
# Prints medians and ratios; see docs/performance.md.
bench-app: setup-test ui
	cargo build --release -p reciprocity-desktop --bin reciprocity-desktop
	cargo build --release --bin recip
	cargo build --release -p reciprocity-floor
	RECIPROCITY_APP="$(abspath $(TARGET_DIR)/release/reciprocity-desktop)" \
	  RECIPROCITY_CLI="$(abspath $(TARGET_DIR)/release/recip)" \
	  RECIPROCITY_FLOOR="$(abspath $(TARGET_DIR)/release/reciprocity-floor)" $(XVFB) node scripts/bench-app.mjs

# The installable packages from the release build: a .deb and an .rpm in
# $(TARGET_DIR)/release/bundle/deb and /rpm, with `recip` installed beside the app.
# The Tauri CLI comes from the UI's npm packages (pinned in ui/package-lock.json).
TAURI := ../ui/node_modules/.bin/tauri
# The bundler's --config: install `recip` (the given build of it) at /usr/bin/recip.
recip_files = '{"bundle":{"linux":{"deb":{"files":{"/usr/bin/recip":"$(1)"}},"rpm":{"files":{"/usr/bin/recip":"$(1)"}}}}}'
bundle: setup-run ui
	cargo build --release --bin recip
	cd src-tauri && $(TAURI) build --ci --bundles deb,rpm \
	  --config $(call recip_files,$(abspath $(TARGET_DIR))/release/recip)

# Unpacks a .deb into a temporary root and checks what a person installing it gets: the
# desktop entry, the icons, `recip`, and the app itself opening a journal under Xvfb.
# `make test` checks a .deb the same bundler makes from the debug build the window tests
# already built (a second, release build of the app would double the test's time);
# `make check-package PACKAGE_PROFILE=release` checks the release packages of `make bundle`.
PACKAGE_PROFILE := debug
check-package: setup-test ui
ifeq ($(PACKAGE_PROFILE),release)
	$(MAKE) bundle
else
	cargo build --bin recip
	cd src-tauri && $(TAURI) build --debug --ci --bundles deb \
	  --config $(call recip_files,$(abspath $(TARGET_DIR))/debug/recip)
endif
	$(XVFB) scripts/check-package.sh $(TARGET_DIR)/$(PACKAGE_PROFILE)/bundle/deb/*.deb

# Redraws every icon size the packages need from src-tauri/icons/icon.svg.
icons:
	rm -rf $(TARGET_DIR)/icons && mkdir -p $(TARGET_DIR)/icons
	ui/node_modules/.bin/tauri icon src-tauri/icons/icon.svg -o $(TARGET_DIR)/icons
	cd $(TARGET_DIR)/icons && cp 32x32.png 64x64.png 128x128.png 128x128@2x.png icon.png \
	  icon.icns icon.ico $(abspath src-tauri/icons)/
	# A plain 256x256.png too: the .deb files an "@2x" icon under a folder twice its size.
	cp src-tauri/icons/128x128@2x.png src-tauri/icons/256x256.png

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

test-core:
	cargo test --workspace

# Rewrites ui/src/bindings from the Rust types, and the window's capability from the command
# list (src/api/list.rs).
bindings:
	UPDATE_BINDINGS=1 cargo test -p reciprocity --lib bindings
	RECIPROCITY_WRITE_CAPABILITY=1 cargo build -p reciprocity-desktop

# The long safety runs: 250 rounds of kills at random points, 5,100 overlapping commands and
# 60 kills during protect/change/remove (see docs/reliability.md). The short versions run
# with `test-core`.
soak:
	cargo test -p reciprocity --test crash --test crash_passphrase -- --ignored --nocapture

# Speed at any size (see docs/performance.md): the insight engine's benchmark, whole `recip`
# commands on 1-, 10- and 20-year journals from the release build, then the window.
bench:
	cargo bench -p reciprocity --bench insights
	cargo build --release --bin recip
	scripts/bench-cli.sh
	$(MAKE) bench-app
