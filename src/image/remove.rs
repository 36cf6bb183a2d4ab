//! Naming and removing images: `tag`, `untag`, `rmi` and the API's `POST
//! /images/{name}/tag` and `DELETE /images/{name}`, with Docker's rules (removing by a
//! name of an image that has others only untags it; by ID it needs force; an image a
//! container was made from is kept unless forced, and then the containers go too).

use super::reference::{local_name, Reference, ReferenceError};
use super::store::StoreError;
use crate::container::{ContainerError, Engine};
use crate::storage::db::{DbError, ImageRecord};

#[derive(Debug, thiserror::Error)]
pub enum RemoveError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Reference(#[from] ReferenceError),
    #[error(transparent)]
    Container(#[from] ContainerError),
    #[error(
        "unable to delete image {0} (must force) - image is referenced in multiple repositories"
    )]
    MultipleNames(String),
    #[error("image {image} is in use by container {containers}: remove the container first or use --force")]
    InUse { image: String, containers: String },
    #[error("{name}: tag not known for image {image}")]
    UnknownTag { name: String, image: String },
}

/// What one removal did, in order: names taken off, then the image deleted.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum Removed {
    Untagged(String),
    Deleted(String),
}

fn short(id: &str) -> String {
    let hex = id.trim_start_matches("sha256:");
    hex[..hex.len().min(12)].to_string()
}

/// Which of an image's names does the user's `input` denote?
pub fn resolve_name_of(names: &[String], input: &str) -> Option<String> {
    let r = Reference::parse(input).ok()?;
    let full = format!("{}:{}", r.repository_with_registry(), r.tag_or_latest());
    if names.contains(&full) {
        return Some(full);
    }
    if let Ok(local) = local_name(input) {
        if names.contains(&local) {
            return Some(local);
        }
    }
    if Reference::is_short_name(input) {
        let suffix = format!("/{}:{}", r.repository, r.tag_or_latest()).replace("/library/", "/");
        return names
            .iter()
            .find(|n| n.replace("/library/", "/").ends_with(&suffix))
            .cloned();
    }
    None
}

impl Engine {
    /// Give `img` the name `target` (`repo[:tag]`, tag `latest` when none); the stored name.
    pub fn tag_image(&self, img: &ImageRecord, target: &str) -> Result<String, RemoveError> {
        let name = local_name(target)?;
        self.store.db().set_name(&name, &img.id)?;
        self.store.emit("tag", &img.id, &name);
        Ok(name)
    }

    /// Take names off `img`: those `inputs` denote, or all of them when none are given.
    pub fn untag_image(
        &self,
        img: &ImageRecord,
        inputs: &[String],
    ) -> Result<Vec<String>, RemoveError> {
        let current = self.store.db().names_of(&img.id)?;
        let targets = if inputs.is_empty() {
            current
        } else {
            inputs
                .iter()
                .map(|n| {
                    resolve_name_of(&current, n).ok_or_else(|| RemoveError::UnknownTag {
                        name: n.clone(),
                        image: short(&img.id),
                    })
                })
                .collect::<Result<_, _>>()?
        };
        for n in &targets {
            self.store.db().remove_name(n)?;
            self.store.emit("untag", &img.id, n);
        }
        Ok(targets)
    }

    /// Remove the image the user called `input` (already looked up as `img`). `all`: every
    /// image is going (`rmi --all`), so several names are no reason to stop.
    pub fn remove_image(
        &self,
        img: &ImageRecord,
        input: &str,
        force: bool,
        all: bool,
    ) -> Result<Vec<Removed>, RemoveError> {
        let names = self.store.db().names_of(&img.id)?;
        let by_id = img
            .id
            .trim_start_matches("sha256:")
            .starts_with(input.trim_start_matches("sha256:"));
        // By name, with other names left: untag only (Docker's behaviour).
        if !by_id && !force && names.len() > 1 {
            if let Some(n) = resolve_name_of(&names, input) {
                self.store.db().remove_name(&n)?;
                self.store.emit("untag", &img.id, &n);
                return Ok(vec![Removed::Untagged(n)]);
            }
        }
        if by_id && names.len() > 1 && !force && !all {
            return Err(RemoveError::MultipleNames(short(&img.id)));
        }
        let users = self.store.db().containers_using(&img.id)?;
        if !users.is_empty() {
            if !force {
                return Err(RemoveError::InUse {
                    image: short(&img.id),
                    containers: users.join(", "),
                });
            }
            // Podman's -f: the containers go with the image.
            for name in &users {
                match self.lookup(name) {
                    Ok(mut c) => match self.remove(&mut c, true, false) {
                        Ok(()) | Err(ContainerError::NotFound(_)) => {}
                        Err(e) => return Err(e.into()),
                    },
                    Err(ContainerError::NotFound(_)) => {}
                    Err(e) => return Err(e.into()),
                }
            }
        }
        let mut out: Vec<Removed> = names.into_iter().map(Removed::Untagged).collect();
        let mut lineage = super::lineage::Lineage::of(&self.store.db().images()?);
        self.store.delete_image(&img.id)?;
        out.push(Removed::Deleted(img.id.clone()));
        self.remove_orphaned_parents(&mut lineage, &img.id, &mut out)?;
        Ok(out)
    }

    /// After `id` went: its parent too when nothing names, uses or is built on it any
    /// more (a build's intermediate images go with its result, as in Podman and Docker),
    /// and so on up.
    fn remove_orphaned_parents(
        &self,
        lineage: &mut super::lineage::Lineage,
        id: &str,
        out: &mut Vec<Removed>,
    ) -> Result<(), RemoveError> {
        let mut id = id.to_string();
        while let Some(parent) = lineage.parent(&id).map(str::to_string) {
            lineage.forget(&id);
            if lineage.has_children(&parent)
                || !self.store.db().names_of(&parent)?.is_empty()
                || !self.store.db().digests_of(&parent)?.is_empty()
                || !self.store.db().containers_using(&parent)?.is_empty()
            {
                break;
            }
            self.store.delete_image(&parent)?;
            out.push(Removed::Deleted(parent.clone()));
            id = parent;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_by_what_users_type() {
        let names = vec![
            "docker.io/library/busybox:latest".to_string(),
            "127.0.0.1:5000/app:1".to_string(),
        ];
        assert_eq!(
            resolve_name_of(&names, "busybox").as_deref(),
            Some("docker.io/library/busybox:latest")
        );
        assert_eq!(
            resolve_name_of(&names, "127.0.0.1:5000/app:1").as_deref(),
            Some("127.0.0.1:5000/app:1")
        );
        assert_eq!(
            resolve_name_of(&names, "app:1").as_deref(),
            Some("127.0.0.1:5000/app:1")
        );
        assert_eq!(resolve_name_of(&names, "app:2"), None);
    }
}
