//! `refresh` against a store in a temporary directory: how an exit nobody recorded yet is
//! decided.

use super::*;

/// An engine on a store in a temporary directory (kept while the engine is used).
fn engine() -> (tempfile::TempDir, Engine) {
    let (dir, store) = crate::image::archive::tests::test_store();
    let engine = Engine {
        paths: store.paths.clone(),
        events: crate::events::EventLog::new(&store.paths.data),
        store: Arc::new(store),
        driver: Driver::Vfs,
        rootless: true,
        exit_command: Vec::new(),
        host_ids: (1000, 1000),
        id_space: 65537,
        runtime_flags: Vec::new(),
        preserve_fds: None,
    };
    (dir, engine)
}

/// A stored container as it was while its process ran; that process and its shim are
/// gone now (no such pids), and no exit file was left.
fn stored_running(e: &Engine) -> Container {
    let c = Container {
        id: "c0ffee".repeat(10) + "abcd",
        name: "echo".into(),
        image_id: "sha256:feed".into(),
        created_at: 0,
        config: Default::default(),
        state: ContainerState {
            status: Status::Running,
            pid: i32::MAX,
            pid_start_time: 1,
            conmon_pid: i32::MAX,
            started_at: now_rfc3339(),
            ..Default::default()
        },
    };
    e.store
        .db()
        .insert_container(&ContainerRow {
            id: c.id.clone(),
            name: c.name.clone(),
            image_id: c.image_id.clone(),
            created_at: 0,
            config: serde_json::to_string(&c.config).unwrap(),
            state: serde_json::to_string(&c.state).unwrap(),
        })
        .unwrap();
    c
}

fn die_codes(e: &Engine, id: &str) -> Vec<Option<i32>> {
    let dies = e.events.read(&|ev| ev.id == id && ev.status == "die");
    dies.unwrap()
        .into_iter()
        .map(|ev| ev.container_exit_code)
        .collect()
}

/// The CI flake: `docker run --rm` through the service polled the container while its
/// shim's cleanup ran. The poll read the row (running), then the cleanup recorded the exit
/// (`die`, code 0), deleted the row and the exit file, and the shim ended; the poll then
/// found no exit file and no shim and took the exit as unknown (255).
#[test]
fn a_copy_read_before_the_rm_cleanup_gets_the_code_of_the_die_event() {
    let (_dir, e) = engine();
    let c = stored_running(&e);
    let mut die = e.event(&c, "die");
    die.container_exit_code = Some(0);
    e.events.emit(&die);
    e.store.db().delete_container(&c.id).unwrap();

    let mut copy = c.clone();
    assert!(!e.refresh_stored(&mut copy).unwrap(), "seen as removed");
    assert_eq!(copy.state.status, Status::Exited);
    assert_eq!(copy.state.exit_code, 0, "not {EXIT_UNKNOWN}");
    assert_eq!(die_codes(&e, &c.id), [Some(0)], "no second die");
    assert!(matches!(e.lookup(&c.id), Err(ContainerError::NotFound(_))));
    assert!(e.list().unwrap().is_empty());
}

/// Still stored, the process and shim gone with no exit file: the shim was killed, and the
/// code is unknown, as Docker reports it.
#[test]
fn a_process_gone_without_its_shim_seeing_it_exits_unknown() {
    let (_dir, e) = engine();
    let c = stored_running(&e);
    let found = e.lookup(&c.id).unwrap();
    assert_eq!(found.state.status, Status::Exited);
    assert_eq!(found.state.exit_code, EXIT_UNKNOWN);
    assert_eq!(die_codes(&e, &c.id), [Some(EXIT_UNKNOWN)]);
}
