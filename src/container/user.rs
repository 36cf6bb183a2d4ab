//! `--user` / the image's User: `name`, `uid`, `name:group`, `uid:gid`, resolved against
//! the container's own /etc/passwd and /etc/group (read inside the rootfs, never through a
//! symlink out of it).

use std::io::Read;
use std::path::Path;

use super::spec::ResolvedUser;

#[derive(Debug, thiserror::Error)]
pub enum UserError {
    #[error("unable to find user {0}: no matching entries in passwd file")]
    NoUser(String),
    #[error("unable to find group {0}: no matching entries in group file")]
    NoGroup(String),
}

/// Read a file of the container's rootfs, resolving inside it; missing is empty.
pub(super) fn read_in_root(rootfs: &Path, file: &str) -> String {
    let Ok(root) = pathrs::Root::open(rootfs) else {
        return String::new();
    };
    let mut s = String::new();
    if let Ok(mut f) = root.open_subpath(file, pathrs::flags::OpenFlags::O_RDONLY) {
        let _ = f.read_to_string(&mut s);
    }
    s
}

/// Resolve against the files' contents (pure, for tests).
pub fn resolve_with(spec: &str, passwd: &str, group: &str) -> Result<ResolvedUser, UserError> {
    let (user, grp) = match spec.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (spec, None),
    };
    let user = if user.is_empty() { "0" } else { user };
    let entries: Vec<Vec<&str>> = passwd
        .lines()
        .map(|l| l.split(':').collect::<Vec<_>>())
        .filter(|f| f.len() >= 4)
        .collect();
    let found = match user.parse::<u32>() {
        Ok(uid) => entries
            .iter()
            .find(|f| f[2].parse() == Ok(uid))
            .map(|f| (f[0].to_string(), uid, f[3].parse().unwrap_or(0)))
            .or(Some((String::new(), uid, 0))),
        Err(_) => entries.iter().find(|f| f[0] == user).and_then(|f| {
            Some((
                f[0].to_string(),
                f[2].parse().ok()?,
                f[3].parse().unwrap_or(0),
            ))
        }),
    };
    let (name, uid, primary_gid) = found.ok_or_else(|| UserError::NoUser(user.to_string()))?;
    let groups: Vec<Vec<&str>> = group
        .lines()
        .map(|l| l.split(':').collect::<Vec<_>>())
        .filter(|f| f.len() >= 3)
        .collect();
    let gid = match grp {
        None | Some("") => primary_gid,
        Some(g) => match g.parse::<u32>() {
            Ok(gid) => gid,
            Err(_) => groups
                .iter()
                .find(|f| f[0] == g)
                .and_then(|f| f[2].parse().ok())
                .ok_or_else(|| UserError::NoGroup(g.to_string()))?,
        },
    };
    // Supplementary groups as Podman and Docker set them: the user's memberships in
    // /etc/group (only when a group was not forced), and the primary group itself.
    let mut additional_gids: Vec<u32> = if grp.is_none() && !name.is_empty() {
        groups
            .iter()
            .filter(|f| f.get(3).is_some_and(|m| m.split(',').any(|m| m == name)))
            .filter_map(|f| f[2].parse().ok())
            .collect()
    } else {
        Vec::new()
    };
    additional_gids.push(gid);
    additional_gids.sort_unstable();
    additional_gids.dedup();
    Ok(ResolvedUser {
        uid,
        gid,
        additional_gids,
    })
}

pub fn resolve(rootfs: &Path, spec: &str) -> Result<ResolvedUser, UserError> {
    let passwd = read_in_root(rootfs, "/etc/passwd");
    let group = read_in_root(rootfs, "/etc/group");
    resolve_with(spec, &passwd, &group)
}

/// `--group-add`: numbers as they are, names from the group file's contents.
pub fn group_ids_with(names: &[String], group: &str) -> Result<Vec<u32>, UserError> {
    names
        .iter()
        .map(|g| match g.parse::<u32>() {
            Ok(gid) => Ok(gid),
            Err(_) => group
                .lines()
                .map(|l| l.split(':').collect::<Vec<_>>())
                .find(|f| f.len() >= 3 && f[0] == g)
                .and_then(|f| f[2].parse().ok())
                .ok_or_else(|| UserError::NoGroup(g.clone())),
        })
        .collect()
}

/// The user with the `--group-add` groups among its supplementary ones.
pub fn add_groups(
    rootfs: &Path,
    user: &mut ResolvedUser,
    names: &[String],
) -> Result<(), UserError> {
    if names.is_empty() {
        return Ok(());
    }
    for gid in group_ids_with(names, &read_in_root(rootfs, "/etc/group"))? {
        if gid != user.gid && !user.additional_gids.contains(&gid) {
            user.additional_gids.push(gid);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASSWD: &str = "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534::/:/bin/false\nweb:x:1000:1000::/home/web:/bin/sh\n";
    const GROUP: &str = "root:x:0:\nnogroup:x:65534:\nweb:x:1000:\naudio:x:29:web\n";

    #[test]
    fn resolves_names_and_numbers() {
        let r = resolve_with("", PASSWD, GROUP).unwrap();
        assert_eq!((r.uid, r.gid), (0, 0));
        let r = resolve_with("web", PASSWD, GROUP).unwrap();
        assert_eq!(
            (r.uid, r.gid, r.additional_gids),
            (1000, 1000, vec![29, 1000])
        );
        let r = resolve_with("4242:4343", PASSWD, GROUP).unwrap();
        assert_eq!(r.additional_gids, vec![4343]);
        let r = resolve_with("nobody:web", PASSWD, GROUP).unwrap();
        assert_eq!((r.uid, r.gid), (65534, 1000));
        let r = resolve_with("4242:4343", PASSWD, GROUP).unwrap();
        assert_eq!((r.uid, r.gid), (4242, 4343));
        // A uid without a passwd entry runs with gid 0, like Docker.
        let r = resolve_with("4242", PASSWD, GROUP).unwrap();
        assert_eq!((r.uid, r.gid), (4242, 0));
        assert!(matches!(
            resolve_with("ghost", PASSWD, GROUP),
            Err(UserError::NoUser(_))
        ));
        assert!(matches!(
            resolve_with("web:ghosts", PASSWD, GROUP),
            Err(UserError::NoGroup(_))
        ));
    }

    #[test]
    fn group_add_takes_numbers_and_names() {
        let names = ["audio".to_string(), "4242".to_string()];
        assert_eq!(group_ids_with(&names, GROUP).unwrap(), vec![29, 4242]);
        assert!(matches!(
            group_ids_with(&["ghosts".to_string()], GROUP),
            Err(UserError::NoGroup(g)) if g == "ghosts"
        ));
    }
}
