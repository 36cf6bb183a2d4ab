use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{Read, Write};
use std::path::Path;

use oci_client::manifest::{
    IMAGE_LAYER_GZIP_MEDIA_TYPE, IMAGE_LAYER_MEDIA_TYPE, OCI_IMAGE_MEDIA_TYPE,
};
use serde_json::json;

use super::save::{header, hex_of, split_tag};
use super::unpack::{clean_member, is_expected_member, resolve_link_target};
use super::*;
use crate::image::layer_unpack::{self, KeepBlob, LayerSpec};
use crate::image::store::{sha256_digest, Store};
use crate::paths::Paths;
use crate::storage::db::{ImageLayer, ImageRecord};

pub(crate) fn test_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let paths = Paths {
        data: p.join("data"),
        runtime: p.join("run"),
        config: p.join("config"),
        home: p.to_path_buf(),
        xdg_runtime: p.to_path_buf(),
    };
    let store = Store::open(&paths).unwrap();
    (dir, store)
}

/// An uncompressed layer tar holding `files`, byte-for-byte reproducible.
pub(crate) fn layer_tar(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, data) in files {
        let mut h = header(tar::EntryType::Regular, data.len() as u64, 0o644);
        b.append_data(&mut h, name, *data).unwrap();
    }
    b.into_inner().unwrap()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// An image as a pull would leave it: gzip blobs, an OCI manifest, names.
fn make_image(store: &Store, tars: &[Vec<u8>], names: &[&str]) -> ImageRecord {
    let mut layers = Vec::new();
    for t in tars {
        let blob = gzip(t);
        let layer = ImageLayer {
            diff_id: sha256_digest(t),
            blob_digest: sha256_digest(&blob),
            blob_media_type: IMAGE_LAYER_GZIP_MEDIA_TYPE.into(),
            blob_size: blob.len() as u64,
        };
        if !store.has_layer(&layer.diff_id).unwrap() {
            let spec = LayerSpec {
                blob_digest: layer.blob_digest.clone(),
                diff_id: layer.diff_id.clone(),
                rootless: true,
            };
            layer_unpack::prepare(store, &spec, &blob[..], KeepBlob::Tee)
                .unwrap()
                .commit(store)
                .unwrap();
        }
        layers.push(layer);
    }
    let diff_ids: Vec<&str> = layers.iter().map(|l| l.diff_id.as_str()).collect();
    let config = json!({
        "architecture": "amd64", "os": "linux",
        "created": "2024-01-01T00:00:00Z",
        "config": {"Cmd": ["/bin/sh"]},
        "rootfs": {"type": "layers", "diff_ids": diff_ids},
    })
    .to_string()
    .into_bytes();
    let id = store.write_blob(&config).unwrap();
    let manifest = synthesize_manifest(&id, config.len() as u64, &layers);
    let record = ImageRecord {
        id,
        config,
        manifest_digest: sha256_digest(&manifest),
        manifest,
        manifest_media_type: OCI_IMAGE_MEDIA_TYPE.into(),
        created: "2024-01-01T00:00:00Z".into(),
        size: tars.iter().map(|t| t.len() as u64).sum(),
        added_at: 0,
        layers,
    };
    let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    store.put_image(&record, &names, &[]).unwrap();
    record
}

fn base() -> Vec<u8> {
    layer_tar(&[("etc/os-release", b"NAME=test\n"), ("bin/hello", b"hi")])
}
fn top() -> Vec<u8> {
    layer_tar(&[("app/run.sh", b"echo app\n")])
}

fn save_to_vec(store: &Store, images: &[(ImageRecord, Vec<String>)], f: ArchiveFormat) -> Vec<u8> {
    let mut out = Vec::new();
    save(store, images, f, &mut out).unwrap();
    out
}

/// (name, contents) of every regular file in an archive.
fn members(archive: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut a = tar::Archive::new(archive);
    let mut out = Vec::new();
    for e in a.entries().unwrap() {
        let mut e = e.unwrap();
        if e.header().entry_type().is_file() {
            let name = e.path().unwrap().to_string_lossy().into_owned();
            let mut data = Vec::new();
            e.read_to_end(&mut data).unwrap();
            out.push((name, data));
        }
    }
    out
}

fn rebuild(archive: &[u8], f: impl Fn(&str, Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, data) in members(archive) {
        let data = f(&name, data);
        let mut h = header(tar::EntryType::Regular, data.len() as u64, 0o644);
        b.append_data(&mut h, &name, &data[..]).unwrap();
    }
    b.into_inner().unwrap()
}

fn file_count(dir: &Path) -> usize {
    fs::read_dir(dir).unwrap().count()
}

const ALPINE: &str = "docker.io/library/alpine:latest";

#[test]
fn docker_archive_round_trip_keeps_the_id() {
    let (_d, store) = test_store();
    let img = make_image(&store, &[base(), top()], &[ALPINE]);
    let archive = save_to_vec(
        &store,
        &[(img.clone(), vec![ALPINE.into()])],
        ArchiveFormat::DockerArchive,
    );

    // docker save's layout: layers uncompressed, named by diff_id, config as is
    let files: HashMap<String, Vec<u8>> = members(&archive).into_iter().collect();
    let manifest: serde_json::Value = serde_json::from_slice(&files["manifest.json"]).unwrap();
    assert_eq!(manifest[0]["RepoTags"], json!([ALPINE]));
    assert_eq!(files[manifest[0]["Config"].as_str().unwrap()], img.config);
    for (i, l) in manifest[0]["Layers"].as_array().unwrap().iter().enumerate() {
        let data = &files[l.as_str().unwrap()];
        assert_eq!(sha256_digest(data), img.layers[i].diff_id);
    }
    let repos: serde_json::Value = serde_json::from_slice(&files["repositories"]).unwrap();
    assert!(repos["docker.io/library/alpine"]["latest"].is_string());

    store.delete_image(&img.id).unwrap();
    assert_eq!(file_count(&store.paths.layers()), 0);
    let loaded = load(&store, &archive[..], true).unwrap();
    assert_eq!(
        loaded,
        vec![Loaded {
            id: img.id.clone(),
            names: vec![ALPINE.into()]
        }]
    );
    let back = store.find(ALPINE).unwrap();
    assert_eq!(back.id, img.id);
    assert_eq!(back.config, img.config);
    assert_eq!(back.size, img.size);
    for l in &back.layers {
        assert_eq!(l.blob_digest, l.diff_id);
        assert_eq!(l.blob_media_type, IMAGE_LAYER_MEDIA_TYPE);
        assert!(store.has_layer(&l.diff_id).unwrap());
        assert!(store.has_blob(&l.blob_digest));
    }
    let hello = store
        .layer_dir(&img.layers[0].diff_id)
        .unwrap()
        .join("bin/hello");
    assert_eq!(fs::read(hello).unwrap(), b"hi");
    // the synthesized manifest names the stored blobs
    let m: serde_json::Value = serde_json::from_slice(&back.manifest).unwrap();
    assert_eq!(m["config"]["digest"], json!(img.id));
    assert_eq!(m["layers"][1]["digest"], json!(back.layers[1].blob_digest));
    assert_eq!(sha256_digest(&back.manifest), back.manifest_digest);

    // and saving the loaded image again gives the same docker archive
    let again = save_to_vec(
        &store,
        &[(back.clone(), vec![ALPINE.into()])],
        ArchiveFormat::DockerArchive,
    );
    assert_eq!(again, archive);
    // loading into a store that has everything is a no-op that still succeeds
    assert_eq!(load(&store, &archive[..], true).unwrap()[0].id, img.id);
    assert_eq!(file_count(&store.paths.tmp()), 0);
}

#[test]
fn oci_archive_round_trip_keeps_blobs_and_manifest() {
    let (_d, store) = test_store();
    let img = make_image(&store, &[base(), top()], &[ALPINE]);
    let archive = save_to_vec(
        &store,
        &[(img.clone(), vec![ALPINE.into()])],
        ArchiveFormat::OciArchive,
    );

    let files: HashMap<String, Vec<u8>> = members(&archive).into_iter().collect();
    let index: serde_json::Value = serde_json::from_slice(&files["index.json"]).unwrap();
    let d = &index["manifests"][0];
    assert_eq!(d["digest"], json!(img.manifest_digest));
    assert_eq!(d["annotations"][ANNOTATION_REF_NAME], json!("latest"));
    assert_eq!(d["annotations"][ANNOTATION_CONTAINERD_NAME], json!(ALPINE));
    assert!(files.contains_key("oci-layout"));
    for l in &img.layers {
        let blob = &files[&format!("blobs/sha256/{}", hex_of(&l.blob_digest).unwrap())];
        assert_eq!(blob, &store.read_blob(&l.blob_digest).unwrap());
    }

    store.delete_image(&img.id).unwrap();
    assert_eq!(file_count(&store.paths.blobs().join("sha256")), 0);
    let loaded = load(&store, &archive[..], true).unwrap();
    assert_eq!(loaded[0].id, img.id);
    assert_eq!(loaded[0].names, vec![ALPINE.to_string()]);
    let back = store.find(ALPINE).unwrap();
    assert_eq!(back.manifest, img.manifest);
    assert_eq!(back.manifest_digest, img.manifest_digest);
    assert_eq!(back.layers, img.layers);
    let digests = store.db().digests_of(&img.id).unwrap();
    assert_eq!(
        digests,
        vec![(
            "docker.io/library/alpine".into(),
            img.manifest_digest.clone()
        )]
    );
    assert_eq!(
        save_to_vec(
            &store,
            &[(back, vec![ALPINE.into()])],
            ArchiveFormat::OciArchive
        ),
        archive
    );
}

#[test]
fn compressed_archive_and_shared_layers() {
    let (_d, store) = test_store();
    let a = make_image(&store, &[base()], &["docker.io/library/a:1"]);
    let b = make_image(&store, &[base(), top()], &["docker.io/library/b:1"]);
    for format in [ArchiveFormat::DockerArchive, ArchiveFormat::OciArchive] {
        // the second round saves what the first loaded (uncompressed blobs)
        let images = vec![
            (
                store.find("docker.io/library/a:1").unwrap(),
                vec!["docker.io/library/a:1".to_string()],
            ),
            (
                store.find("docker.io/library/b:1").unwrap(),
                vec![
                    "docker.io/library/b:1".to_string(),
                    "quay.io/x/b:2".to_string(),
                ],
            ),
        ];
        let archive = save_to_vec(&store, &images, format);
        let names: Vec<String> = members(&archive).into_iter().map(|(n, _)| n).collect();
        let unique: HashSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "{names:?}");
        let layer_files = names
            .iter()
            .filter(|n| n.ends_with("layer.tar") || n.starts_with("blobs/"))
            .count();
        // docker: 2 layers; oci: 2 layers + 2 configs + 2 manifests
        assert_eq!(
            layer_files,
            if format == ArchiveFormat::DockerArchive {
                2
            } else {
                6
            }
        );

        store.delete_image(&a.id).unwrap();
        store.delete_image(&b.id).unwrap();
        let loaded = load(&store, &gzip(&archive)[..], false).unwrap();
        assert_eq!(loaded.len(), 2);
        assert_eq!(loaded[0].id, a.id);
        assert_eq!(loaded[1].id, b.id);
        assert_eq!(
            loaded[1].names,
            vec![
                "docker.io/library/b:1".to_string(),
                "quay.io/x/b:2".to_string()
            ]
        );
        assert_eq!(store.find("quay.io/x/b:2").unwrap().id, b.id);
        assert_eq!(file_count(&store.paths.layers()), 2);
    }
}

#[test]
fn tampered_layer_leaves_nothing_behind() {
    let (_d, store) = test_store();
    let img = make_image(&store, &[base(), top()], &[ALPINE]);
    let docker = save_to_vec(
        &store,
        &[(img.clone(), vec![ALPINE.into()])],
        ArchiveFormat::DockerArchive,
    );
    let oci = save_to_vec(
        &store,
        &[(img.clone(), vec![ALPINE.into()])],
        ArchiveFormat::OciArchive,
    );
    store.delete_image(&img.id).unwrap();

    let evil = layer_tar(&[("app/run.sh", b"rm -rf /\n")]);
    let top_hex = hex_of(&img.layers[1].diff_id).unwrap().to_string();
    let bad_docker = rebuild(&docker, |name, data| {
        if name == format!("{top_hex}/layer.tar") {
            evil.clone()
        } else {
            data
        }
    });
    let blob_hex = hex_of(&img.layers[1].blob_digest).unwrap().to_string();
    let bad_oci = rebuild(&oci, |name, data| {
        if name == format!("blobs/sha256/{blob_hex}") {
            gzip(&evil)
        } else {
            data
        }
    });
    for bad in [bad_docker, bad_oci] {
        let err = load(&store, &bad[..], true).unwrap_err();
        assert!(matches!(err, ArchiveError::DigestMismatch { .. }), "{err}");
        assert!(store.db().images().unwrap().is_empty());
        assert_eq!(file_count(&store.paths.layers()), 0);
        assert_eq!(file_count(&store.paths.blobs().join("sha256")), 0);
        assert_eq!(file_count(&store.paths.tmp()), 0);
    }
    // the untouched archives still load
    load(&store, &docker[..], true).unwrap();
}

/// Podman's docker-archive: layers as `<diff hex>.tar`, and `<v1 id>/layer.tar`
/// symlinks to them that manifest.json names.
#[test]
fn docker_archive_with_symlinked_layers() {
    let (_d, store) = test_store();
    let img = make_image(&store, &[base(), top()], &[ALPINE]);
    let archive = save_to_vec(
        &store,
        &[(img.clone(), vec![ALPINE.into()])],
        ArchiveFormat::DockerArchive,
    );
    store.delete_image(&img.id).unwrap();
    let mut b = tar::Builder::new(Vec::new());
    let mut layers = Vec::new();
    for (name, data) in members(&archive) {
        let name = match name.strip_suffix("/layer.tar") {
            Some(hex) => {
                let v1 = format!("{:0>64}", layers.len());
                let mut h = header(tar::EntryType::Symlink, 0, 0o777);
                b.append_link(&mut h, format!("{v1}/layer.tar"), format!("../{hex}.tar"))
                    .unwrap();
                layers.push(format!("{v1}/layer.tar"));
                format!("{hex}.tar")
            }
            None if name == "manifest.json" => continue,
            None => name,
        };
        let mut h = header(tar::EntryType::Regular, data.len() as u64, 0o444);
        b.append_data(&mut h, &name, &data[..]).unwrap();
    }
    let manifest = json!([{
        "Config": format!("{}.json", hex_of(&img.id).unwrap()),
        "RepoTags": ["alpine"],
        "Layers": layers,
    }]);
    let data = manifest.to_string();
    let mut h = header(tar::EntryType::Regular, data.len() as u64, 0o444);
    b.append_data(&mut h, "manifest.json", data.as_bytes())
        .unwrap();
    let podman_style = b.into_inner().unwrap();
    let loaded = load(&store, &podman_style[..], true).unwrap();
    assert_eq!(loaded[0].id, img.id);
    assert_eq!(loaded[0].names, vec![ALPINE.to_string()]);
    assert_eq!(file_count(&store.paths.layers()), 2);
}

fn raw_archive(entries: &[(&str, tar::EntryType, &str)]) -> Vec<u8> {
    // Built by hand: tar::Builder refuses `..` and absolute names itself.
    let mut out = Vec::new();
    for (name, kind, link) in entries {
        let mut h = tar::Header::new_old();
        h.as_old_mut().name[..name.len()].copy_from_slice(name.as_bytes());
        h.set_entry_type(*kind);
        h.set_mode(0o644);
        h.set_size(if kind.is_file() { 2 } else { 0 });
        if !link.is_empty() {
            h.as_old_mut().linkname[..link.len()].copy_from_slice(link.as_bytes());
        }
        h.set_cksum();
        out.extend_from_slice(h.as_bytes());
        if kind.is_file() {
            let mut block = [0u8; 512];
            block[..2].copy_from_slice(b"{}");
            out.extend_from_slice(&block);
        }
    }
    out.extend_from_slice(&[0u8; 1024]);
    out
}

#[test]
fn hostile_member_names_are_refused() {
    let (d, store) = test_store();
    use tar::EntryType::{Char, Directory, Regular, Symlink};
    type Entry<'a> = (&'a str, tar::EntryType, &'a str);
    let cases: Vec<(Vec<Entry>, &str)> = vec![
        (vec![("../escape.json", Regular, "")], "UnsafeMember"),
        (vec![("blobs/../../x", Regular, "")], "UnsafeMember"),
        (vec![("/etc/manifest.json", Regular, "")], "UnsafeMember"),
        (
            vec![("manifest.json", Symlink, "../../../etc/passwd")],
            "UnsafeMember",
        ),
        (
            vec![("manifest.json", Symlink, "/etc/passwd")],
            "UnsafeMember",
        ),
        (vec![("evil.sh", Regular, "")], "UnexpectedMember"),
        (vec![("blobs/sha256/x/y", Regular, "")], "UnexpectedMember"),
        (vec![("manifest.json", Char, "")], "UnsupportedMember"),
        (
            vec![("blobs", Directory, ""), ("oci-layout", Regular, "")],
            "NotAnArchive",
        ),
    ];
    for (entries, want) in cases {
        let err = load(&store, &raw_archive(&entries)[..], true).unwrap_err();
        assert!(format!("{err:?}").starts_with(want), "{entries:?}: {err:?}");
    }
    assert!(!d.path().join("escape.json").exists());
    assert!(!d.path().join("data/escape.json").exists());
    assert_eq!(file_count(&store.paths.tmp()), 0);
}

#[test]
fn member_names() {
    assert_eq!(
        clean_member("./manifest.json").unwrap(),
        Some("manifest.json".into())
    );
    assert_eq!(clean_member("./").unwrap(), None);
    assert_eq!(
        clean_member("blobs//sha256/").unwrap(),
        Some("blobs/sha256".into())
    );
    assert!(clean_member("a/../b").is_err());
    assert!(clean_member("/a").is_err());
    let hex = "a".repeat(64);
    for ok in [
        format!("{hex}.json"),
        format!("{hex}.tar"),
        format!("{hex}/layer.tar"),
        format!("{hex}/VERSION"),
        format!("blobs/sha256/{hex}"),
        "repositories".into(),
    ] {
        assert!(is_expected_member(&ok, false), "{ok}");
    }
    assert!(is_expected_member(&hex, true));
    assert!(!is_expected_member(&format!("{hex}/layer.tar/x"), false));
    assert!(!is_expected_member("x.json", false));
    assert!(!is_expected_member(&hex, false));
    assert_eq!(
        resolve_link_target(&format!("{hex}/layer.tar"), "../blobs/sha256/ab").unwrap(),
        "blobs/sha256/ab"
    );
    assert!(resolve_link_target("manifest.json", "../x").is_err());
    assert_eq!(
        split_tag("localhost:5000/a/b:1"),
        Some(("localhost:5000/a/b", "1"))
    );
    assert_eq!(split_tag("localhost:5000/a/b"), None);
    assert_eq!(split_tag("a/b@sha256:00"), None);
}
