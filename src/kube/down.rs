//! `kube down` (and `play --down`, `play --replace`): the pods a file names are stopped
//! and removed, with the `emptyDir` volumes made for them; claims (named volumes) stay,
//! as on a cluster.

use super::{pod_members, Result, POD_ID_LABEL, POD_LABEL};
use crate::container::Engine;

/// The IDs of the pods stopped and removed, as Podman lists them.
#[derive(Debug, Clone, Default)]
pub struct DownReport {
    pub stopped: Vec<String>,
    pub removed: Vec<String>,
}

/// Take down the pods of these names; names with no pod are skipped.
pub fn down(engine: &Engine, pods: &[String]) -> Result<DownReport> {
    let mut report = DownReport::default();
    for pod in pods {
        let members = pod_members(engine, pod)?;
        let Some(first) = members.first() else {
            continue;
        };
        let id = first
            .config
            .labels
            .get(POD_ID_LABEL)
            .cloned()
            .unwrap_or_else(|| first.id.clone());
        // Each member waits out its own stop timeout: together, not one after another.
        let stopped: Vec<Result<()>> = std::thread::scope(|s| {
            let handles: Vec<_> = members
                .iter()
                .map(|c| {
                    s.spawn(move || {
                        let mut c = c.clone();
                        Ok(engine.stop(&mut c, None)?)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or(Ok(())))
                .collect()
        });
        stopped.into_iter().collect::<Result<Vec<()>>>()?;
        report.stopped.push(id.clone());
        // The joiners first: the network holder's namespace is theirs too.
        for mut c in members.into_iter().rev() {
            engine.refresh(&mut c)?;
            engine.remove(&mut c, true, false)?;
        }
        for v in crate::volume::list(&engine.store)? {
            if v.labels.get(POD_LABEL) == Some(pod) {
                crate::volume::remove(&engine.store, &v.name)?;
            }
        }
        report.removed.push(id);
    }
    Ok(report)
}
