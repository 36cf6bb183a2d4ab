//! `kube down` (and `play --down`, `play --replace`): the pods a file names are stopped
//! and removed through the pod engine, with the `emptyDir` volumes made for them; claims
//! (named volumes) stay, as on a cluster.

use super::Result;
use crate::container::Engine;
use crate::pod::PodError;

/// The IDs of the pods stopped and removed, as Podman lists them.
#[derive(Debug, Clone, Default)]
pub struct DownReport {
    pub stopped: Vec<String>,
    pub removed: Vec<String>,
}

/// Take down the pods of these names; names with no pod are skipped.
pub fn down(engine: &Engine, pods: &[String]) -> Result<DownReport> {
    let mut report = DownReport::default();
    for name in pods {
        let pod = match crate::pod::find(&engine.store, name) {
            Ok(p) if &p.name == name => p,
            Ok(_) | Err(PodError::NotFound(_)) => continue,
            Err(e) => return Err(e.into()),
        };
        crate::pod::ops::remove(engine, &pod, true, None)?;
        report.stopped.push(pod.id.clone());
        report.removed.push(pod.id);
    }
    Ok(report)
}
