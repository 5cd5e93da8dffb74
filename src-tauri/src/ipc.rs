//! The window's calls: one handler, generated from the core's command list, that parses the
//! request, runs the command off the main thread and answers `{ code, message, field }` on
//! failure. Tauri checks the window's permission for the command before this runs.

use crate::session::{self, AppState};
use crate::IpcError;
use reciprocity::api::prelude::*;
use reciprocity::ErrorCode;
use serde::de::DeserializeOwned;
use tauri::ipc::{Invoke, InvokeBody, InvokeError};
use tauri::{AppHandle, Manager};

/// The request of a call: the arguments object the window passed to `invoke`.
fn request<T: DeserializeOwned>(body: &InvokeBody) -> Result<T, IpcError> {
    let value = match body {
        InvokeBody::Json(v) if v.is_null() => serde_json::json!({}),
        InvokeBody::Json(v) => v.clone(),
        InvokeBody::Raw(_) => {
            return Err(IpcError {
                code: ErrorCode::Invalid,
                message: "the journal's commands take a JSON object of arguments".into(),
                field: None,
            })
        }
    };
    serde_json::from_value(value).map_err(|e| IpcError {
        code: ErrorCode::Invalid,
        message: format!("the request does not fit this command: {e}"),
        field: None,
    })
}

/// Runs `run` on a worker thread and answers the window with its result, so a long import
/// or a native dialog never blocks the window.
fn answer<T, F>(invoke: Invoke, run: F)
where
    T: serde::Serialize + Send + 'static,
    F: FnOnce(&AppHandle) -> Result<T, IpcError> + Send + 'static,
{
    let app = invoke.message.webview().app_handle().clone();
    let resolver = invoke.resolver;
    tauri::async_runtime::spawn_blocking(move || {
        let result = run(&app).map_err(InvokeError::from);
        resolver.respond(result);
    });
}

macro_rules! dispatch {
    ($($kind:ident $area:ident :: $name:ident ($req:ty) -> $res:ty;)*) => {
        /// Answers one call from the window; `false` for a command that does not exist.
        pub fn handle(invoke: Invoke) -> bool {
            let command = invoke.message.command().to_string();
            match command.as_str() {
                $(stringify!($name) => {
                    let parsed = request::<$req>(invoke.message.payload());
                    answer(invoke, move |app| {
                        let req = parsed?;
                        dispatch!(@run $kind $area::$name, app, req)
                    });
                    true
                })*
                _ => false,
            }
        }
    };
    (@run read $area:ident :: $name:ident, $app:ident, $req:ident) => {
        $app.state::<AppState>().read(|j| $area::$name(j, $req))
    };
    (@run write $area:ident :: $name:ident, $app:ident, $req:ident) => {
        $app.state::<AppState>().write(|j| $area::$name(j, $req))
    };
    (@run free $area:ident :: $name:ident, $app:ident, $req:ident) => {{
        let _ = $app;
        $area::$name($req).map_err(|e| IpcError::from(&e))
    }};
    (@run session $area:ident :: $name:ident, $app:ident, $req:ident) => {
        session::$name($app, &$app.state::<AppState>(), $req)
    };
}
reciprocity::with_journal_commands!(dispatch);
