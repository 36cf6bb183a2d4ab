//! Which image an image was made from, told (as Podman tells it) from the layers and the
//! history alone: a parent's layers are the child's, or all but its last, and its history
//! is a strict prefix of the child's. A build stores one image per step, untagged, each
//! the parent of the next: those are "intermediate" images, which `images` hides without
//! `-a`, prune keeps while a child exists, and `rmi` of the child removes with it.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::storage::db::ImageRecord;

struct Facts {
    diff_ids: Vec<String>,
    history: Vec<Value>,
    created: Option<chrono::DateTime<chrono::FixedOffset>>,
}

fn facts(img: &ImageRecord) -> Facts {
    let config: Value = serde_json::from_slice(&img.config).unwrap_or(Value::Null);
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    Facts {
        diff_ids: strings(&config["rootfs"]["diff_ids"]),
        history: config["history"].as_array().cloned().unwrap_or_default(),
        created: config["created"]
            .as_str()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok()),
    }
}

#[derive(Debug, Default)]
pub struct Lineage {
    parent: HashMap<String, String>,
    children: HashMap<String, HashSet<String>>,
}

impl Lineage {
    pub fn of(images: &[ImageRecord]) -> Lineage {
        let all: Vec<Facts> = images.iter().map(facts).collect();
        let mut by_layers: HashMap<&[String], Vec<usize>> = HashMap::new();
        for (i, f) in all.iter().enumerate() {
            by_layers.entry(&f.diff_ids[..]).or_default().push(i);
        }
        let mut lineage = Lineage::default();
        for (c, child) in all.iter().enumerate() {
            let n = child.diff_ids.len();
            let mut candidates: Vec<usize> = by_layers
                .get(&child.diff_ids[..])
                .cloned()
                .unwrap_or_default();
            if n > 0 {
                candidates.extend(
                    by_layers
                        .get(&child.diff_ids[..n - 1])
                        .into_iter()
                        .flatten(),
                );
            }
            // The closest ancestor: the longest history that is a strict prefix of ours, or
            // the same history and layers made earlier (a build's last step, of which
            // the commit that applies the build's labels and tags is the child).
            let parent = candidates
                .into_iter()
                .filter(|&p| p != c)
                .filter(|&p| {
                    let (h, older) = (&all[p].history, &all[p]);
                    !h.is_empty()
                        && h.len() <= child.history.len()
                        && child.history[..h.len()] == h[..]
                        && (h.len() < child.history.len()
                            || (older.diff_ids == child.diff_ids
                                && older.created.is_some()
                                && older.created < child.created))
                })
                .max_by_key(|&p| all[p].history.len());
            if let Some(p) = parent {
                let (pid, cid) = (images[p].id.clone(), images[c].id.clone());
                lineage
                    .children
                    .entry(pid.clone())
                    .or_default()
                    .insert(cid.clone());
                lineage.parent.insert(cid, pid);
            }
        }
        lineage
    }

    pub fn parent(&self, id: &str) -> Option<&str> {
        self.parent.get(id).map(String::as_str)
    }

    pub fn has_children(&self, id: &str) -> bool {
        self.children.get(id).is_some_and(|c| !c.is_empty())
    }

    /// Forget `id` (it was removed): its parent may be childless now.
    pub fn forget(&mut self, id: &str) {
        if let Some(p) = self.parent.remove(id) {
            if let Some(c) = self.children.get_mut(&p) {
                c.remove(id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn img(id: &str, layers: &[&str], history: &[&str]) -> ImageRecord {
        img_at(id, layers, history, "2026-01-01T00:00:00Z")
    }

    fn img_at(id: &str, layers: &[&str], history: &[&str], created: &str) -> ImageRecord {
        let config = json!({
            "created": created,
            "rootfs": {"type": "layers", "diff_ids": layers},
            "history": history.iter().map(|h| json!({"created_by": h})).collect::<Vec<_>>(),
        });
        ImageRecord {
            id: id.into(),
            config: serde_json::to_vec(&config).unwrap(),
            ..ImageRecord::default()
        }
    }

    #[test]
    fn a_builds_steps_form_a_chain() {
        let base = img("base", &["l1"], &["ADD"]);
        let step1 = img("s1", &["l1", "l2"], &["ADD", "RUN a"]);
        let step2 = img("s2", &["l1", "l2", "l3"], &["ADD", "RUN a", "RUN b"]);
        let last = img(
            "final",
            &["l1", "l2", "l3"],
            &["ADD", "RUN a", "RUN b", "CMD"],
        );
        // Same layers, another history: a sibling, not a child.
        let other = img("other", &["l1", "l2"], &["ADD", "RUN x"]);
        let mut l = Lineage::of(&[last, step2, other, base, step1]);
        assert_eq!(l.parent("final"), Some("s2"));
        assert_eq!(l.parent("s2"), Some("s1"));
        assert_eq!(l.parent("s1"), Some("base"));
        assert_eq!(l.parent("other"), Some("base"));
        assert_eq!(l.parent("base"), None);
        assert!(l.has_children("s2") && !l.has_children("final"));
        l.forget("final");
        assert!(!l.has_children("s2"));
    }

    #[test]
    fn the_commit_of_a_last_step_is_its_child_and_equal_twins_are_not_related() {
        let h = &["ADD", "RUN a"];
        let step = img_at("step", &["l1", "l2"], h, "2026-01-01T00:00:00.9Z");
        let commit = img_at("commit", &["l1", "l2"], h, "2026-01-01T00:00:00.95Z");
        let twin = img_at("twin", &["l1", "l2"], h, "2026-01-01T00:00:00.95Z");
        let l = Lineage::of(&[commit, step, twin]);
        assert_eq!(l.parent("commit"), Some("step"));
        assert_eq!(l.parent("twin"), Some("step"));
        assert_eq!(l.parent("step"), None);
    }
}
