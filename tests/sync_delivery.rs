//! Files delivered the way file-sync engines deliver them: late, twice, out of order,
//! truncated, as conflict copies, or from a newer version.

mod sync_support;

use sync_support::{favour, favour_input, files, person, Devices};

/// Device 0 writes three files: Sam, then a favour, then an edit of it.
fn three_files(d: &mut Devices) -> (Vec<std::path::PathBuf>, String) {
    let sam = person(&mut d.journals[0], "Sam");
    d.sync(0);
    let id = favour(&mut d.journals[0], &sam, "lent a ladder");
    d.sync(0);
    d.journals[0]
        .update_exchange(&id, &favour_input(&sam, "lent a long ladder"))
        .unwrap();
    d.sync(0);
    let f = files(&d.folder_of(0));
    assert_eq!(f.len(), 3, "{f:?}");
    (f, id)
}

#[test]
fn files_delivered_out_of_order_end_in_the_same_state() {
    let mut d = Devices::apart(2);
    let (f, id) = three_files(&mut d);
    d.deliver(&f[2], 1);
    let r = d.sync(1);
    // The edit names Sam, who has not arrived: it waits.
    assert_eq!((r.files_read, r.waiting), (0, 1), "{r:?}");
    d.deliver(&f[1], 1);
    d.deliver(&f[0], 1);
    d.sync(1);
    assert_eq!(
        d.journals[1].get_exchange(&id).unwrap().what,
        "lent a long ladder"
    );
    assert_eq!(d.export(0), d.export(1));
    assert!(reciprocity::sync::list_conflicts(&d.journals[1])
        .unwrap()
        .is_empty());
}

#[test]
fn a_file_delivered_twice_or_as_a_conflict_copy_changes_nothing() {
    let mut d = Devices::apart(2);
    let (f, id) = three_files(&mut d);
    for file in &f {
        d.deliver(file, 1);
    }
    d.sync(1);
    let before = d.export(1);
    d.deliver_as(
        &f[1],
        1,
        "00000002.sync-conflict-20260301-101010-ABCDEFG.rjc",
    );
    d.deliver(&f[1], 1);
    let r = d.sync(1);
    assert_eq!(r.files_read, 0, "{r:?}");
    assert_eq!(d.export(1), before);
    assert_eq!(
        d.journals[1].get_exchange(&id).unwrap().what,
        "lent a long ladder"
    );
}

#[test]
fn a_file_delivered_late_does_not_undo_a_later_edit() {
    let mut d = Devices::apart(2);
    let (f, id) = three_files(&mut d);
    d.deliver(&f[0], 1);
    d.deliver(&f[2], 1);
    d.sync(1);
    d.deliver(&f[1], 1);
    d.sync(1);
    assert_eq!(
        d.journals[1].get_exchange(&id).unwrap().what,
        "lent a long ladder"
    );
    assert_eq!(d.export(0), d.export(1));
}

#[test]
fn a_truncated_file_is_skipped_reported_once_and_read_when_whole() {
    let mut d = Devices::apart(2);
    let (f, _) = three_files(&mut d);
    d.deliver(&f[0], 1);
    let bytes = std::fs::read(&f[0]).unwrap();
    let device = f[0].parent().unwrap().file_name().unwrap();
    let target = d.folder_of(1).join(device).join("00000001.rjc");
    std::fs::write(&target, &bytes[..bytes.len() - 10]).unwrap();
    let first = d.sync(1);
    assert_eq!(first.files_read, 0);
    assert_eq!(first.problems.len(), 1, "{first:?}");
    assert!(first.problems[0].contains("checksum"), "{first:?}");
    assert!(d.journals[1].list_people(true).unwrap().is_empty());
    let again = d.sync(1);
    assert!(again.problems.is_empty(), "reported once: {again:?}");
    let status = reciprocity::sync::sync_status(&d.journals[1], None).unwrap();
    assert_eq!(status.problems.len(), 1);
    std::fs::write(&target, &bytes).unwrap();
    let whole = d.sync(1);
    assert_eq!(whole.files_read, 1, "{whole:?}");
    assert_eq!(d.journals[1].list_people(true).unwrap().len(), 1);
    let status = reciprocity::sync::sync_status(&d.journals[1], None).unwrap();
    assert!(status.problems.is_empty());
}

#[test]
fn a_file_of_a_newer_format_is_left_alone_with_a_clear_message() {
    let mut d = Devices::apart(2);
    let (f, _) = three_files(&mut d);
    let device = f[0].parent().unwrap().file_name().unwrap();
    let dest = d.folder_of(1).join(device);
    std::fs::create_dir_all(&dest).unwrap();
    let mut bytes = std::fs::read(&f[0]).unwrap();
    bytes[4] = b'9';
    std::fs::write(dest.join("00000001.rjc"), &bytes).unwrap();
    let r = d.sync(1);
    assert_eq!(r.files_read, 0);
    assert!(r.problems[0].contains("newer version"), "{r:?}");
    assert_eq!(std::fs::read(dest.join("00000001.rjc")).unwrap(), bytes);
    assert!(d.journals[1].list_people(true).unwrap().is_empty());
}

#[test]
fn a_row_breaking_the_journals_rules_is_refused_and_changes_nothing() {
    hostile_edit(|body| body.replace("\"friend\"", "\"enemy\""));
}

#[test]
fn a_row_with_an_unreadable_date_is_refused_and_changes_nothing() {
    hostile_edit(|body| body.replace("\"created_at\":\"2", "\"created_at\":\"x"));
}

/// Delivers device 0's first file to device 1 with its body changed by `edit` and its
/// checksum made to match: the file is refused, reported, and nothing is written.
fn hostile_edit(edit: impl Fn(&str) -> String) {
    let mut d = Devices::apart(2);
    let (f, _) = three_files(&mut d);
    let text = String::from_utf8(std::fs::read(&f[0]).unwrap()).unwrap();
    let mut parts = text.splitn(3, '\n');
    let (magic, header, body) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    let bad_body = edit(body);
    assert_ne!(bad_body, body);
    let old_sha = reciprocity_sha(body.as_bytes());
    let header = header.replace(&old_sha, &reciprocity_sha(bad_body.as_bytes()));
    let device = f[0].parent().unwrap().file_name().unwrap();
    let dest = d.folder_of(1).join(device);
    std::fs::create_dir_all(&dest).unwrap();
    std::fs::write(
        dest.join("00000001.rjc"),
        format!("{magic}\n{header}\n{bad_body}"),
    )
    .unwrap();
    let r = d.sync(1);
    assert_eq!(r.files_read, 0, "{r:?}");
    assert_eq!(r.problems.len(), 1, "{r:?}");
    assert!(d.journals[1].list_people(true).unwrap().is_empty());
}

fn reciprocity_sha(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
