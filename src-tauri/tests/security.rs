//! The window's content security policy and capabilities stay strict: only the app's own
//! files, no remote origin, and permission for the journal's own commands only.

use serde_json::Value;
use std::path::Path;

fn read_json(rel: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

#[test]
fn the_csp_allows_only_the_apps_own_files() {
    let conf = read_json("tauri.conf.json");
    let csp = conf["app"]["security"]["csp"]
        .as_object()
        .expect("a CSP is set");
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
    for (directive, sources) in csp {
        let sources = sources.as_str().unwrap();
        for source in sources.split_whitespace() {
            let allowed = matches!(
                source,
                "'self'" | "'none'" | "data:" | "ipc:" | "http://ipc.localhost"
            );
            assert!(allowed, "{directive} allows {source}");
        }
    }
    assert_eq!(conf["app"]["withGlobalTauri"], false);
}

#[test]
fn the_window_may_call_exactly_the_commands_of_the_core_list() {
    let cap = read_json("capabilities/default.json");
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
    let granted: Vec<String> = cap["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().expect("plain permission names").to_string())
        .collect();
    let listed: Vec<String> = reciprocity::api::COMMANDS
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    // Nothing of any plugin (the dialogs run in the shell), nothing the list does not name.
    assert_eq!(granted, listed);
}
