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
fn the_window_may_call_only_the_journal_commands() {
    let cap = read_json("capabilities/default.json");
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
    let build_rs =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("build.rs")).unwrap();
    // The native open and save dialogs (the UI passes the chosen path to a command), and
    // nothing else of the dialog plugin.
    const PLUGIN: &[&str] = &["dialog:allow-open", "dialog:allow-save"];
    for permission in cap["permissions"].as_array().unwrap() {
        let p = permission.as_str().expect("plain permission names");
        if PLUGIN.contains(&p) {
            continue;
        }
        let command = p
            .strip_prefix("allow-")
            .unwrap_or_else(|| panic!("{p} is not one of the app's own commands"))
            .replace('-', "_");
        assert!(
            build_rs.contains(&format!("\"{command}\"")),
            "{p} grants a command the app does not define"
        );
    }
}
