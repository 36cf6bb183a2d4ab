use std::collections::BTreeMap;

use super::*;
use crate::container::{Container, ContainerConfig, ContainerState, Status};
use crate::events::Event;
use crate::volume::Volume;

fn raw(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn container(name: &str, status: Status, code: i32, l: &[(&str, &str)]) -> Container {
    Container {
        id: format!("{name:0<8}deadbeef"),
        name: name.to_string(),
        image_id: "sha256:abcdef0123".into(),
        created_at: 1_000 * 1_000_000_000,
        config: ContainerConfig {
            image_name: "docker.io/library/busybox:latest".into(),
            labels: labels(l),
            ..Default::default()
        },
        state: ContainerState {
            status,
            exit_code: code,
            ..Default::default()
        },
    }
}

fn ps(filters: &[&str], list: &[Container]) -> Vec<String> {
    let f = Filters::for_kind::<Container>(&raw(filters)).unwrap();
    f.select(list.to_vec())
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect()
}

#[test]
fn cli_and_json_forms_parse_to_the_same_filters() {
    let cli = Filters::parse(&raw(&["label=a=b", "label=c", "status=running"])).unwrap();
    let json = Filters::from_json(r#"{"label":["a=b","c"],"status":["running"]}"#).unwrap();
    assert_eq!(cli, json);
    let legacy = Filters::from_json(r#"{"label":{"a=b":true,"c":true,"x":false}}"#).unwrap();
    assert_eq!(legacy.values("label"), ["a=b", "c"]);
    assert!(Filters::from_json("").unwrap().is_empty());
    assert!(Filters::from_json(r#"{"label":"a"}"#).is_err());
    assert!(Filters::from_json(r#"{"label":[1]}"#).is_err());
    assert!(Filters::from_json("[]").is_err());
    assert!(Filters::from_json("{").is_err());
}

#[test]
fn syntax_and_unknown_keys_are_refused_with_the_accepted_ones() {
    assert_eq!(
        Filters::parse(&raw(&["status"])),
        Err(FilterError::Syntax("status".into()))
    );
    assert!(Filters::parse(&raw(&["=x"])).is_err());
    let err = Filters::for_kind::<Event>(&raw(&["colour=red"])).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid filter key \"colour\": use container, event, status, type, image, label, \
         volume or network"
    );
    // Prune takes only what applies to every kind.
    assert!(Filters::parse(&raw(&["name=x"]))
        .unwrap()
        .accept(PRUNE_KEYS)
        .is_err());
    // Bad values fail even before anything is listed.
    for bad in [
        "status=sleeping",
        "exited=x",
        "until=later",
        "name=(",
        "dangling=maybe",
    ] {
        let f = Filters::parse(&raw(&[bad])).unwrap();
        assert!(f.checked::<Container>().is_err(), "{bad}");
    }
}

#[test]
fn same_key_is_or_different_keys_are_and() {
    let list = [
        container("web", Status::Running, 0, &[("tier", "front")]),
        container("db", Status::Exited, 3, &[("tier", "back")]),
        container("cache", Status::Created, 0, &[]),
    ];
    assert_eq!(
        ps(&["status=running", "status=exited"], &list),
        ["web", "db"]
    );
    assert_eq!(
        ps(&["status=exited", "name=web"], &list),
        Vec::<String>::new()
    );
    assert_eq!(ps(&["status=exited", "exited=3"], &list), ["db"]);
    assert_eq!(ps(&["exited=4"], &list), Vec::<String>::new());
    // A name is a regular expression, found anywhere (Docker's names start with /).
    assert_eq!(ps(&["name=^/?(web|db)$"], &list), ["web", "db"]);
    assert_eq!(ps(&["name=ach"], &list), ["cache"]);
    assert_eq!(ps(&["id=db0"], &list), ["db"]);
    assert_eq!(ps(&["ancestor=docker.io/library/busybox"], &list).len(), 3);
    assert_eq!(ps(&["ancestor=abcdef"], &list).len(), 3);
    assert_eq!(ps(&["ancestor=alpine"], &list), Vec::<String>::new());
}

#[test]
fn labels_must_all_be_carried_and_negated_ones_none() {
    let list = [
        container("a", Status::Running, 0, &[("app", "web"), ("keep", "1")]),
        container("b", Status::Running, 0, &[("app", "web")]),
        container("c", Status::Running, 0, &[("app", "db")]),
    ];
    assert_eq!(ps(&["label=app"], &list), ["a", "b", "c"]);
    assert_eq!(ps(&["label=app=web"], &list), ["a", "b"]);
    assert_eq!(ps(&["label=app=web", "label=keep"], &list), ["a"]);
    assert_eq!(ps(&["label!=keep"], &list), ["b", "c"]);
    assert_eq!(ps(&["label!=app=web"], &list), ["c"]);
    assert_eq!(ps(&["label=app=web", "label!=keep=1"], &list), ["b"]);
}

#[test]
fn until_selects_what_was_created_before() {
    let f = Filters::parse(&raw(&["until=1000"]))
        .unwrap()
        .accept(PRUNE_KEYS)
        .unwrap();
    let mut c = container("old", Status::Exited, 0, &[]);
    c.created_at = 999 * 1_000_000_000;
    assert!(f.matches(&c).unwrap());
    c.created_at = 1_000 * 1_000_000_000;
    assert!(!f.matches(&c).unwrap());
    // A duration is that long before now.
    let f = Filters::parse(&raw(&["until=24h"]))
        .unwrap()
        .accept(PRUNE_KEYS)
        .unwrap();
    let now = chrono::Utc::now().timestamp();
    c.created_at = (now - 86_400 - 60) * 1_000_000_000;
    assert!(f.matches(&c).unwrap());
    c.created_at = (now - 86_400 + 60) * 1_000_000_000;
    assert!(!f.matches(&c).unwrap());
}

#[test]
fn before_and_since_compare_with_the_resolved_time() {
    let mut f = Filters::for_kind::<Container>(&raw(&["before=first"])).unwrap();
    let c = container("x", Status::Running, 0, &[]);
    // Not resolved yet: a clear error rather than a silent mismatch.
    assert!(f.matches(&c).is_err());
    f.resolve_refs(|_| Ok::<_, FilterError>(c.created_at + 1))
        .unwrap();
    assert!(f.matches(&c).unwrap());
    let mut f = Filters::for_kind::<Container>(&raw(&["since=gone"])).unwrap();
    let err = f.resolve_refs(|v| Err(format!("no such container: {v}")));
    assert_eq!(
        err.unwrap_err().to_string(),
        "invalid filter since=\"gone\": no such container: gone"
    );
}

#[test]
fn images_by_reference_dangling_and_id() {
    let img = ImageView {
        id: "sha256:0123456789ab".into(),
        added_at: 50,
        created: None,
        labels: labels(&[("org.cove.test", "multi")]),
        dangling: false,
        names: vec![("docker.io/library/busybox".into(), "latest".into())],
    };
    let hit = |f: &[&str]| {
        Filters::for_kind::<ImageView>(&raw(f))
            .unwrap()
            .matches(&img)
            .unwrap()
    };
    assert!(hit(&["reference=busybox"]));
    assert!(hit(&["reference=*box*"]));
    assert!(hit(&["reference=busybox:latest"]));
    assert!(!hit(&["reference=alpine"]));
    assert!(hit(&["reference=alpine", "reference=busybox"]));
    assert!(hit(&["dangling=false"]) && !hit(&["dangling=1"]));
    assert!(hit(&["id=0123"]) && hit(&["id=sha256:0123"]) && !hit(&["id=9"]));
    assert!(hit(&["label=org.cove.test=multi"]));
    assert!(Filters::for_kind::<ImageView>(&raw(&["status=running"])).is_err());
}

#[test]
fn volumes_by_dangling_name_and_driver() {
    let v = Volume {
        name: "data".into(),
        driver: "local".into(),
        labels: BTreeMap::new(),
        options: BTreeMap::new(),
        anonymous: false,
        created_at: 10,
    };
    let used = VolumeView {
        volume: &v,
        users: 1,
    };
    let f = |s: &[&str]| Filters::for_kind::<VolumeView>(&raw(s)).unwrap();
    assert!(!f(&["dangling=true"]).matches(&used).unwrap());
    assert!(f(&["dangling=false", "driver=local", "name=at"])
        .matches(&used)
        .unwrap());
    assert!(f(&["until=11"]).matches(&used).unwrap());
}

#[test]
fn events_by_object_type_action_and_attribute() {
    let mut e = Event::new("container", "start", "abcdef", "web");
    e.image = "busybox".into();
    e.attributes.insert("app".into(), "shop".into());
    let hit = |f: &[&str]| {
        Filters::for_kind::<Event>(&raw(f))
            .unwrap()
            .matches(&e)
            .unwrap()
    };
    assert!(hit(&["container=web", "event=start"]));
    assert!(hit(&["container=ab"]));
    assert!(!hit(&["volume=web"]));
    assert!(hit(&["type=image", "type=container"]));
    assert!(!hit(&["type=image"]));
    assert!(hit(&["image=busybox"]));
    assert!(hit(&["label=app=shop"]) && !hit(&["label=app=blog"]));
    assert!(hit(&["status=start"]));
}
