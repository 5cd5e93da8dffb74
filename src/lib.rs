//! Reciprocity Journal's core: the domain model, the SQLite journal, and (in later modules)
//! the insights computed from it. It knows nothing of the desktop shell; the `recip` CLI and
//! the Tauri app are both thin front ends over this library.

pub mod api;
pub mod bindings;
pub mod error;
pub mod generate;
pub mod insight;
pub mod journal;
pub mod keychain;
pub mod model;
pub mod sync;
pub mod text;
pub mod transfer;

pub use error::{Error, ErrorCode, Result};
