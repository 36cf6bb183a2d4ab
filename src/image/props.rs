//! Archives handed to `cove load`, and the manifests, indexes and configs a registry
//! serves to `cove pull`, are untrusted bytes: whatever they hold, the result is an error
//! or an image, never a panic.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Value};

use super::archive::load;
use super::archive::tests::{layer_tar, test_store};
use super::store::sha256_digest;

fn hex(d: &str) -> &str {
    d.strip_prefix("sha256:").unwrap_or(d)
}

/// A tar of `files` with the names written raw, so `..` and absolute names get through.
fn raw_tar(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, data) in files {
        let mut h = tar::Header::new_gnu();
        let n = name.as_bytes();
        let len = n.len().min(99);
        h.as_old_mut().name[..len].copy_from_slice(&n[..len]);
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_entry_type(tar::EntryType::Regular);
        h.set_cksum();
        b.append(&h, &data[..]).unwrap();
    }
    b.into_inner().unwrap()
}

/// The members of a valid one-image archive, docker-archive or OCI layout.
fn valid_members(oci: bool) -> Vec<(String, Vec<u8>)> {
    let layer = layer_tar(&[("hello", b"hi\n")]);
    let ld = sha256_digest(&layer);
    let config = json!({"architecture": "amd64", "os": "linux",
        "rootfs": {"type": "layers", "diff_ids": [ld]}})
    .to_string()
    .into_bytes();
    let cd = sha256_digest(&config);
    if !oci {
        let manifest = json!([{"Config": format!("{}.json", hex(&cd)),
            "RepoTags": ["fuzz:1"], "Layers": [format!("{}/layer.tar", hex(&ld))]}]);
        return vec![
            ("manifest.json".into(), manifest.to_string().into_bytes()),
            (format!("{}.json", hex(&cd)), config),
            (format!("{}/layer.tar", hex(&ld)), layer),
        ];
    }
    let manifest = json!({"schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
            "digest": cd, "size": config.len()},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar",
            "digest": ld, "size": layer.len()}]})
    .to_string()
    .into_bytes();
    let md = sha256_digest(&manifest);
    let index = json!({"schemaVersion": 2, "manifests": [{
        "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": md,
        "size": manifest.len(),
        "annotations": {"org.opencontainers.image.ref.name": "fuzz:1"}}]});
    vec![
        (
            "oci-layout".into(),
            br#"{"imageLayoutVersion":"1.0.0"}"#.to_vec(),
        ),
        ("index.json".into(), index.to_string().into_bytes()),
        (format!("blobs/sha256/{}", hex(&md)), manifest),
        (format!("blobs/sha256/{}", hex(&cd)), config),
        (format!("blobs/sha256/{}", hex(&ld)), layer),
    ]
}

/// JSON of any shape, built from the keys and strings these formats use.
pub(crate) fn json_value() -> impl Strategy<Value = Value> {
    let text = prop::sample::select(vec![
        "",
        "x",
        "fuzz:1",
        "sha256:",
        "sha256:zz",
        "../../etc/passwd",
        "/abs",
        "a/../../b",
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "amd64",
        "linux",
        "sha256:0000000000000000000000000000000000000000000000000000000000000000",
        "UPPER:Case",
        "\u{0}",
        "é",
    ]);
    let key = prop::sample::select(vec![
        "Config",
        "RepoTags",
        "Layers",
        "manifests",
        "mediaType",
        "digest",
        "size",
        "config",
        "layers",
        "rootfs",
        "diff_ids",
        "created",
        "platform",
        "architecture",
        "os",
        "variant",
        "annotations",
        "org.opencontainers.image.ref.name",
        "schemaVersion",
        "urls",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        text.prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..6).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            }),
        ]
    })
}

#[derive(Debug, Clone)]
enum Damage {
    /// One member's content replaced by arbitrary JSON.
    Json(prop::sample::Index, Value),
    /// Bytes of one member overwritten.
    Flip(prop::sample::Index, Vec<(prop::sample::Index, u8)>),
    /// The whole archive cut short.
    Cut(prop::sample::Index),
    /// A member renamed.
    Rename(prop::sample::Index, &'static str),
    /// manifest.json or index.json rewritten in the right shape, its references picked
    /// from the archive's own members ("$N") and from names no archive should have.
    Refs(Vec<&'static str>),
}

fn damage() -> impl Strategy<Value = Damage> {
    let refs = prop::sample::select(vec![
        "$0",
        "$1",
        "$2",
        "$3",
        "$4",
        "../x",
        "/etc/passwd",
        "",
        "sha256:../../x",
        "x:1",
        "UPPER",
        "a@sha256:zz",
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.oci.image.manifest.v1+json",
    ]);
    let idx = any::<prop::sample::Index>();
    let flips = prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8);
    let names = prop::sample::select(vec![
        "../escape",
        "/abs.json",
        "manifest.json",
        "index.json",
        "blobs/sha256/x",
        "blobs/sha256/../../x",
        "repositories",
        "a/b/c/d",
    ]);
    prop_oneof![
        (idx.clone(), json_value()).prop_map(|(i, v)| Damage::Json(i, v)),
        (idx.clone(), flips).prop_map(|(i, f)| Damage::Flip(i, f)),
        idx.clone().prop_map(Damage::Cut),
        (idx, names).prop_map(|(i, n)| Damage::Rename(i, n)),
        prop::collection::vec(refs, 6).prop_map(Damage::Refs),
    ]
}

fn damaged(oci: bool, d: &Damage) -> Vec<u8> {
    let mut files = valid_members(oci);
    let n = files.len();
    match d {
        Damage::Json(i, v) => files[i.index(n)].1 = v.to_string().into_bytes(),
        Damage::Flip(i, flips) => {
            let data = &mut files[i.index(n)].1;
            for (at, b) in flips {
                if !data.is_empty() {
                    let k = at.index(data.len());
                    data[k] = *b;
                }
            }
        }
        Damage::Rename(i, name) => files[i.index(n)].0 = name.to_string(),
        Damage::Cut(_) => {}
        Damage::Refs(picks) => {
            // "$N": member N, by name in a docker-archive, by digest in an OCI layout.
            let r = |k: usize| -> String {
                let pick = picks[k];
                let Some(i) = pick.strip_prefix('$').and_then(|i| i.parse::<usize>().ok()) else {
                    return pick.to_string();
                };
                let name = &files[i % n].0;
                match name.strip_prefix("blobs/sha256/") {
                    Some(h) if oci => format!("sha256:{h}"),
                    _ => name.clone(),
                }
            };
            let (member, doc) = if oci {
                let entry = |t: usize, d: usize, n: usize| {
                    json!({"mediaType": r(t), "digest": r(d), "size": 1,
                        "annotations": {"org.opencontainers.image.ref.name": r(n)}})
                };
                let doc = json!({"schemaVersion": 2,
                    "manifests": [entry(0, 1, 2), entry(3, 4, 5)]});
                ("index.json", doc)
            } else {
                let doc = json!([{"Config": r(0), "RepoTags": [r(1)], "Layers": [r(2), r(3)]},
                    {"Config": r(4), "Layers": [r(5)]}]);
                ("manifest.json", doc)
            };
            for f in files.iter_mut().filter(|f| f.0 == member) {
                f.1 = doc.to_string().into_bytes();
            }
        }
    }
    let mut tar = raw_tar(&files);
    if let Damage::Cut(at) = d {
        tar.truncate(at.index(tar.len()));
    }
    tar
}

#[test]
fn damaged_archives_load_or_fail_without_panic() {
    // One store for every case: creating a database per case would dominate the run.
    let (_dir, store) = test_store();
    for oci in [false, true] {
        let loaded = load(&store, &raw_tar(&valid_members(oci))[..], true);
        assert!(loaded.is_ok(), "the undamaged archive loads: {loaded:?}");
    }
    let mut runner = TestRunner::new(Config::with_cases(300));
    runner
        .run(&(any::<bool>(), damage()), |(oci, d)| {
            let _ = load(&store, &damaged(oci, &d)[..], true);
            Ok(())
        })
        .unwrap();
    runner
        .run(&prop::collection::vec(any::<u8>(), 0..2048), |bytes| {
            let _ = load(&store, &bytes[..], true);
            Ok(())
        })
        .unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// What `pull` does with a registry's answers before fetching anything more.
    #[test]
    fn pulled_manifests_indexes_and_configs_parse_without_panic(
        raw in prop_oneof![
            json_value().prop_map(|v| v.to_string().into_bytes()),
            prop::collection::vec(any::<u8>(), 0..512),
        ]
    ) {
        use oci_spec::image::{ImageConfiguration, ImageIndex, ImageManifest};
        if let Ok(index) = ImageIndex::from_reader(&raw[..]) {
            let _ = super::platform::Platform::host().select(&index);
        }
        if let Ok(m) = ImageManifest::from_reader(&raw[..]) {
            let _ = (m.config().digest().to_string(), m.layers().len());
        }
        if let Ok(c) = ImageConfiguration::from_reader(&raw[..]) {
            let _ = (c.rootfs().diff_ids().len(), c.created());
        }
    }
}
