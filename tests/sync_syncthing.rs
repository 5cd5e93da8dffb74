//! The real engine: two Syncthing instances on 127.0.0.1 only (no discovery, no relays, no
//! global announce), each syncing its own copy of the folder, and two journals driven through
//! `recip`. Needs `syncthing` on PATH (`scripts/setup.sh test` installs it); without it the
//! test says so and passes, so a machine without the engine can still run the suite.

mod cli_support;

use cli_support::Cli;
use predicates::str::contains;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// One Syncthing instance: its home (keys, config, database) and folder copy.
struct Engine {
    home: PathBuf,
    folder: PathBuf,
    port: u16,
    id: String,
    child: Option<Child>,
}

impl Engine {
    fn new(root: &Path, name: &str) -> Engine {
        let home = root.join(format!("{name}-home"));
        let folder = root.join(format!("{name}-folder"));
        std::fs::create_dir_all(folder.join(".stfolder")).unwrap();
        let ok = Command::new("syncthing")
            .args(["generate", "--no-default-folder", "--skip-port-probing"])
            .arg(format!("--home={}", home.display()))
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(ok.success());
        let out = Command::new("syncthing")
            .args(["serve", "--device-id"])
            .arg(format!("--home={}", home.display()))
            .output()
            .unwrap();
        let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
        Engine {
            home,
            folder,
            port: free_port(),
            id,
            child: None,
        }
    }

    /// Writes a configuration that shares the folder with `other` over loopback only.
    fn configure(&self, other: &Engine) {
        let device = |e: &Engine, name: &str| {
            format!(
                "<device id=\"{}\" name=\"{name}\" compression=\"metadata\" introducer=\"false\">\
                 <address>tcp://127.0.0.1:{}</address></device>",
                e.id, e.port
            )
        };
        let config = format!(
            "<configuration version=\"36\">\
             <folder id=\"reciprocity\" label=\"reciprocity\" path=\"{folder}\" type=\"sendreceive\" \
               rescanIntervalS=\"1\" fsWatcherEnabled=\"false\">\
               <device id=\"{me}\"></device><device id=\"{them}\"></device>\
               <minDiskFree unit=\"%\">0</minDiskFree></folder>\
             {my_device}{their_device}\
             <gui enabled=\"false\" tls=\"false\"><address>127.0.0.1:0</address></gui>\
             <options><listenAddress>tcp://127.0.0.1:{port}</listenAddress>\
               <globalAnnounceEnabled>false</globalAnnounceEnabled>\
               <localAnnounceEnabled>false</localAnnounceEnabled>\
               <relaysEnabled>false</relaysEnabled><natEnabled>false</natEnabled>\
               <urAccepted>-1</urAccepted><autoUpgradeIntervalH>0</autoUpgradeIntervalH>\
               <startBrowser>false</startBrowser><crashReportingEnabled>false</crashReportingEnabled>\
               <reconnectionIntervalS>1</reconnectionIntervalS>\
               <minHomeDiskFree unit=\"%\">0</minHomeDiskFree></options>\
             </configuration>",
            folder = self.folder.display(),
            me = self.id,
            them = other.id,
            my_device = device(self, "me"),
            their_device = device(other, "them"),
            port = self.port,
        );
        std::fs::write(self.home.join("config.xml"), config).unwrap();
    }

    fn start(&mut self) {
        let log = std::fs::File::create(self.home.join("syncthing.log")).unwrap();
        let child = Command::new("syncthing")
            .args(["serve", "--no-browser", "--no-restart"])
            .arg(format!("--home={}", self.home.display()))
            .env("STNOUPGRADE", "1")
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        self.child = Some(child);
    }

    fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.home.join("syncthing.log")).unwrap_or_default()
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        self.stop();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Waits until `done` holds, for at most two minutes.
fn wait_for(what: &str, engines: &[&Engine], mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        if start.elapsed() > Duration::from_secs(120) {
            let logs: Vec<String> = engines.iter().map(|e| e.log()).collect();
            panic!(
                "{what} did not happen within two minutes; logs:\n{}",
                logs.join("\n---\n")
            );
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// The change files of one device in a folder copy.
fn change_files(folder: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for d in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        if d.path().is_dir() && !d.file_name().to_string_lossy().starts_with('.') {
            for f in std::fs::read_dir(d.path()).into_iter().flatten().flatten() {
                let name = f.file_name().to_string_lossy().into_owned();
                if name.ends_with(".rjc") && !name.starts_with('.') {
                    out.push(format!("{}/{name}", d.file_name().to_string_lossy()));
                }
            }
        }
    }
    out.sort();
    out
}

fn syncthing_missing() -> bool {
    Command::new("syncthing").arg("--version").output().is_err()
}

#[test]
fn a_favour_logged_on_one_device_reaches_the_other_through_syncthing() {
    if syncthing_missing() {
        eprintln!("syncthing is not installed (scripts/setup.sh test installs it): not run");
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let (mut one, mut two) = (
        Engine::new(root.path(), "one"),
        Engine::new(root.path(), "two"),
    );
    one.configure(&two);
    two.configure(&one);
    one.start();
    two.start();
    let (a, b) = (Cli::new(), Cli::new());
    a.cmd(&["person", "add", "Sam", "--relationship", "friend"])
        .success();
    let logged = a.json(&["log", "given", "Sam", "lent a ladder", "--json"]);
    let id = logged["id"].as_str().unwrap().to_string();
    a.cmd(&["sync", "--folder", one.folder.to_str().unwrap()])
        .success();
    b.cmd(&["sync", "--folder", two.folder.to_str().unwrap()])
        .success();
    // B has sent a file too (its device's name); wait for A's to arrive beside it.
    let sent = change_files(&one.folder);
    wait_for("the first change file moving", &[&one, &two], || {
        let there = change_files(&two.folder);
        sent.iter().all(|f| there.contains(f))
    });
    b.cmd(&["sync"]).success();
    b.cmd(&["list"]).success().stdout(contains("lent a ladder"));

    // Both edit the favour while the engines are stopped; after they run again, both converge.
    one.stop();
    two.stop();
    a.cmd(&["edit", &id, "--what", "lent a long ladder"])
        .success();
    b.cmd(&["edit", &id, "--what", "lent a short ladder"])
        .success();
    a.cmd(&["sync"]).success();
    b.cmd(&["sync"]).success();
    let mut every = change_files(&one.folder);
    every.extend(change_files(&two.folder));
    every.sort();
    every.dedup();
    one.start();
    two.start();
    wait_for("both edits moving", &[&one, &two], || {
        change_files(&one.folder) == every && change_files(&two.folder) == every
    });
    a.cmd(&["sync"]).success();
    b.cmd(&["sync"]).success();
    let shown_a = a.json(&["show", &id, "--json"]);
    let shown_b = b.json(&["show", &id, "--json"]);
    assert_eq!(shown_a["what"], shown_b["what"]);
    assert_eq!(
        a.json(&["conflicts", "--json"]).as_array().unwrap().len(),
        1
    );
    assert_eq!(
        b.json(&["conflicts", "--json"]).as_array().unwrap().len(),
        1
    );
}
