//! Property: random writes on two or three devices, with change files delivered between their
//! folders in any order, late and more than once, and snapshots that prune files, always end
//! in identical journals once every file has reached every device.

mod sync_support;

use proptest::prelude::*;
use reciprocity::insight::{DismissAction, Dismissal, Severity};
use std::path::{Path, PathBuf};
use sync_support::{export_of, favour_input, files, Devices};

#[derive(Debug, Clone)]
enum Op {
    AddPerson(usize, u8),
    AddFavour(usize, u8),
    EditFavour(usize, usize, u8),
    DeleteFavour(usize, usize),
    RestoreFavour(usize, usize),
    Dismiss(usize, u8),
    Undismiss(usize, u8),
    Sync(usize),
    /// Writes a snapshot and prunes what every known device has read.
    Snapshot(usize),
    /// Copies the n-th published file (of all folders) into a device's folder.
    Deliver(usize, usize),
}

fn op(devices: usize) -> impl Strategy<Value = Op> {
    let d = 0..devices;
    prop_oneof![
        1 => (d.clone(), any::<u8>()).prop_map(|(d, n)| Op::AddPerson(d, n)),
        1 => (d.clone(), any::<u8>()).prop_map(|(d, n)| Op::AddFavour(d, n)),
        1 => (d.clone(), any::<usize>(), any::<u8>()).prop_map(|(d, i, n)| Op::EditFavour(d, i, n)),
        1 => (d.clone(), any::<usize>()).prop_map(|(d, i)| Op::DeleteFavour(d, i)),
        1 => (d.clone(), any::<usize>()).prop_map(|(d, i)| Op::RestoreFavour(d, i)),
        1 => (d.clone(), 0u8..3).prop_map(|(d, n)| Op::Dismiss(d, n)),
        1 => (d.clone(), 0u8..3).prop_map(|(d, n)| Op::Undismiss(d, n)),
        3 => d.clone().prop_map(Op::Sync),
        1 => d.clone().prop_map(Op::Snapshot),
        3 => (any::<usize>(), d).prop_map(|(f, to)| Op::Deliver(f, to)),
    ]
}

/// Every change file in every device's folder.
fn published(d: &Devices, n: usize) -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = (0..n).flat_map(|i| files(&d.folder_of(i))).collect();
    all.sort_by_key(|p| p.file_name().map(|f| f.to_owned()));
    all
}

fn exchange_ids(d: &Devices, dev: usize) -> Vec<String> {
    d.journals[dev]
        .all_records()
        .unwrap()
        .exchanges
        .into_iter()
        .map(|e| e.id)
        .collect()
}

fn pick<T: Clone>(items: &[T], i: usize) -> Option<T> {
    (!items.is_empty()).then(|| items[i % items.len()].clone())
}

fn apply(d: &mut Devices, n: usize, op: &Op) {
    let on = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    match *op {
        Op::AddPerson(dev, k) => {
            sync_support::person(&mut d.journals[dev], &format!("Person {k}"));
        }
        Op::AddFavour(dev, k) => {
            let people = d.journals[dev].list_people(true).unwrap();
            if let Some(p) = pick(&people, k as usize) {
                d.journals[dev]
                    .add_exchange(&favour_input(&p.id, &format!("favour {k}")))
                    .unwrap();
            }
        }
        Op::EditFavour(dev, i, k) => {
            if let Some(id) = pick(&exchange_ids(d, dev), i) {
                let mut input = d.journals[dev].get_exchange(&id).unwrap().to_input();
                input.what = format!("edited {k} on {dev}");
                let _ = d.journals[dev].update_exchange(&id, &input);
            }
        }
        Op::DeleteFavour(dev, i) => {
            if let Some(id) = pick(&exchange_ids(d, dev), i) {
                let _ = d.journals[dev].delete_exchange(&id);
            }
        }
        Op::RestoreFavour(dev, i) => {
            if let Some(id) = pick(&exchange_ids(d, dev), i) {
                let _ = d.journals[dev].restore_exchange(&id);
            }
        }
        Op::Dismiss(dev, k) => {
            let dismissal = Dismissal {
                insight_id: format!("insight {k}"),
                action: DismissAction::Dismissed,
                until: None,
                severity: Severity::Note,
                strength: 0.25 * f64::from(k),
                on,
            };
            d.journals[dev].save_dismissal(&dismissal).unwrap();
        }
        Op::Undismiss(dev, k) => {
            d.journals[dev]
                .delete_dismissal(&format!("insight {k}"))
                .unwrap();
        }
        Op::Sync(dev) => {
            d.sync(dev);
        }
        Op::Snapshot(dev) => {
            reciprocity::sync::snapshot_now(&mut d.journals[dev], None, chrono::Utc::now())
                .unwrap();
        }
        Op::Deliver(f, to) => {
            if let Some(file) = pick(&published(d, n), f) {
                deliver_if_absent(d, &file, to);
            }
        }
    }
}

fn deliver_if_absent(d: &Devices, file: &Path, to: usize) {
    let device = file.parent().unwrap().file_name().unwrap();
    let dest = d.folder_of(to).join(device).join(file.file_name().unwrap());
    if file != dest {
        d.deliver(file, to);
    }
}

/// Every device syncs, then every file reaches every folder, until nothing new is written.
fn settle(d: &mut Devices, n: usize) {
    for _ in 0..4 {
        for dev in 0..n {
            d.sync(dev);
        }
        for file in published(d, n) {
            for to in 0..n {
                deliver_if_absent(d, &file, to);
            }
        }
    }
    for dev in 0..n {
        d.sync(dev);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn devices_converge_whatever_the_order_of_delivery(
        n in 2usize..=3,
        ops in prop::collection::vec(op(3), 1..30),
    ) {
        let mut d = Devices::apart(n);
        for op in &ops {
            apply(&mut d, n, &remap(op, n));
        }
        settle(&mut d, n);
        let first = export_of(&d.journals[0]);
        for dev in 1..n {
            prop_assert_eq!(&first, &export_of(&d.journals[dev]), "device {} differs", dev);
        }
    }
}

/// The op with its devices folded into `0..n`.
fn remap(op: &Op, n: usize) -> Op {
    match op.clone() {
        Op::AddPerson(d, k) => Op::AddPerson(d % n, k),
        Op::AddFavour(d, k) => Op::AddFavour(d % n, k),
        Op::EditFavour(d, i, k) => Op::EditFavour(d % n, i, k),
        Op::DeleteFavour(d, i) => Op::DeleteFavour(d % n, i),
        Op::RestoreFavour(d, i) => Op::RestoreFavour(d % n, i),
        Op::Dismiss(d, k) => Op::Dismiss(d % n, k),
        Op::Undismiss(d, k) => Op::Undismiss(d % n, k),
        Op::Sync(d) => Op::Sync(d % n),
        Op::Snapshot(d) => Op::Snapshot(d % n),
        Op::Deliver(f, to) => Op::Deliver(f, to % n),
    }
}
