//! Pulling an image by the name a user typed: the short-name search over registries.conf's
//! unqualified-search registries, the `pull` event, and the `--pull` policy of `run` and
//! `create`. The CLI and the API service (`POST /images/create`) both call this; each
//! shows progress its own way through a [`PullReporter`].

use std::str::FromStr;
use std::sync::Arc;

use crate::config::registries::RegistriesConf;
use crate::image::platform::Platform;
use crate::image::reference::{Reference, ReferenceError};
use crate::image::store::Store;
use crate::registry::client::ConnectOptions;
use crate::registry::error_causes;
use crate::registry::pull::{pull as pull_from, PullError, PullObserver, PullOptions};

/// What to pull, and how to reach the registry.
#[derive(Debug, Clone)]
pub struct PullRequest {
    /// The name as given: short (`alpine`) or qualified, with a tag or digest or neither.
    pub image: String,
    pub platform: Platform,
    pub connect: ConnectOptions,
    pub rootless: bool,
}

/// How the caller hears about a pull.
pub trait PullReporter: Send + Sync {
    /// About to try `reference` (one candidate of a short name); the observer returned is
    /// told about that attempt, and `finished` when it is over, whatever its outcome.
    fn attempt(&self, reference: &str) -> Arc<dyn PullObserver>;
}

#[derive(Debug, thiserror::Error)]
pub enum PullFailure {
    #[error(transparent)]
    Reference(#[from] ReferenceError),
    #[error(transparent)]
    Pull(#[from] PullError),
    #[error(transparent)]
    Trust(#[from] super::trust::TrustError),
    #[error("{image}: no registry had it: {}", errors.join("; "))]
    NoRegistry { image: String, errors: Vec<String> },
    #[error("{0}: image not known, and --pull=never")]
    NeverPull(String),
    #[error("{0}: --all-tags requires a reference without a tag or digest")]
    TagWithAllTags(String),
    #[error("{reference}: listing its tags: {detail}")]
    Tags { reference: String, detail: String },
    #[error(transparent)]
    Connect(#[from] crate::registry::client::ConnectError),
}

impl PullFailure {
    /// The registry said it has no such image or tag (dockerd answers 404 then).
    pub fn is_not_found(&self) -> bool {
        use oci_client::errors::{OciDistributionError as E, OciErrorCode as C};
        let registry = match self {
            PullFailure::Pull(
                PullError::Registry { error, .. } | PullError::Manifest { error, .. },
            ) => error,
            PullFailure::NoRegistry { .. } | PullFailure::NeverPull(_) => return true,
            _ => return false,
        };
        match registry {
            E::ImageManifestNotFoundError(_) => true,
            E::ServerError { code, .. } => *code == 404,
            E::RegistryError { envelope, .. } => envelope
                .errors
                .iter()
                .any(|e| matches!(e.code, C::ManifestUnknown | C::NameUnknown | C::NotFound)),
            _ => false,
        }
    }
}

/// `--pull`: when `run`/`create` pull the image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PullPolicy {
    /// Only when the store does not have it.
    #[default]
    Missing,
    Always,
    /// Never: an image the store does not have is an error.
    Never,
    /// Look for a newer one, but use the local copy when the registry cannot be reached.
    Newer,
}

#[derive(Debug, thiserror::Error)]
#[error("invalid --pull policy {0:?}: use missing, always, never or newer")]
pub struct InvalidPullPolicy(String);

impl FromStr for PullPolicy {
    type Err = InvalidPullPolicy;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "missing" => Ok(PullPolicy::Missing),
            "always" => Ok(PullPolicy::Always),
            "never" => Ok(PullPolicy::Never),
            "newer" => Ok(PullPolicy::Newer),
            other => Err(InvalidPullPolicy(other.to_string())),
        }
    }
}

/// What a policy decides for an image the store has or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// Use the local image with this ID.
    Use(String),
    /// Pull; if that fails, use `fallback` when there is one.
    Pull { fallback: Option<String> },
}

impl PullPolicy {
    /// `local`: the ID of the store's image by that name, if it has one.
    pub fn plan(self, image: &str, local: Option<String>) -> Result<Plan, PullFailure> {
        match (self, local) {
            (PullPolicy::Never, None) => Err(PullFailure::NeverPull(image.to_string())),
            (PullPolicy::Never | PullPolicy::Missing, Some(id)) => Ok(Plan::Use(id)),
            (PullPolicy::Missing | PullPolicy::Always, _) => Ok(Plan::Pull { fallback: None }),
            (PullPolicy::Newer, local) => Ok(Plan::Pull { fallback: local }),
        }
    }
}

/// The image ID for `image` under `policy`, pulling with `pull` when the policy says so.
/// Synchronous and lazy: a command that finds the image locally sets up no registry
/// client at all.
pub fn ensure<E: From<PullFailure>>(
    store: &Store,
    image: &str,
    policy: PullPolicy,
    pull: impl FnOnce() -> Result<String, E>,
) -> Result<String, E> {
    // A list cove made stands for its instance for this machine; without one in the
    // store it is not there to run, and the policy decides as for a missing image.
    let local = store
        .find(image)
        .ok()
        .and_then(|img| match super::manifest_list::is_list(&img) {
            true => super::manifest_list::local_instance(
                store,
                &img,
                &super::platform::Platform::host(),
            ),
            false => Some(img.id),
        });
    match policy.plan(image, local)? {
        Plan::Use(id) => Ok(id),
        Plan::Pull { fallback } => match (pull(), fallback) {
            (Ok(id), _) => Ok(id),
            (Err(_), Some(id)) => Ok(id),
            (Err(e), None) => Err(e),
        },
    }
}

/// Where to look for `input`: itself when it names a registry, otherwise each of
/// registries.conf's unqualified-search-registries in turn (docker.io when none).
pub fn candidates(input: &str, conf: &RegistriesConf) -> Result<Vec<Reference>, PullFailure> {
    let r = Reference::parse(input)?;
    if !Reference::is_short_name(input) || conf.search_registries().is_empty() {
        return Ok(vec![r]);
    }
    Ok(conf
        .search_registries()
        .iter()
        .map(|reg| Reference::qualify(input, reg))
        .collect::<Result<_, _>>()?)
}

/// `pull --all-tags`: every tagged reference of the repository `input` names (in the
/// first unqualified-search registry for a short name), in the registry's order.
pub async fn all_tags(
    conf: &RegistriesConf,
    input: &str,
    connect: &ConnectOptions,
) -> Result<Vec<String>, PullFailure> {
    let name = input.split('@').next().unwrap_or(input);
    let last = name.rsplit('/').next().unwrap_or(name);
    if input.contains('@') || last.contains(':') {
        return Err(PullFailure::TagWithAllTags(input.to_string()));
    }
    let mut errors = Vec::new();
    for r in candidates(input, conf)? {
        let reg = crate::registry::client::Registry::connect(&r, conf, connect)?;
        match reg
            .client
            .list_tags(&r.to_oci(), &reg.auth, None, None)
            .await
        {
            Ok(t) => {
                let repo = r.repository_with_registry();
                return Ok(t.tags.iter().map(|tag| format!("{repo}:{tag}")).collect());
            }
            Err(e) => errors.push(PullFailure::Tags {
                reference: r.repository_with_registry(),
                detail: error_causes(&e),
            }),
        }
    }
    Err(errors
        .pop()
        .unwrap_or_else(|| PullFailure::TagWithAllTags(input.to_string())))
}

/// Pull `req.image` from the first candidate registry that has it; its image ID. Emits
/// the `pull` event.
pub async fn pull(
    store: &Arc<Store>,
    conf: &RegistriesConf,
    req: &PullRequest,
    reporter: &dyn PullReporter,
) -> Result<String, PullFailure> {
    let opts = PullOptions {
        platform: req.platform.clone(),
        connect: req.connect.clone(),
        rootless: req.rootless,
    };
    let policy = super::trust::Policy::in_force(&store.paths)?;
    let mut errors = Vec::new();
    let mut refused = None;
    for r in candidates(&req.image, conf)? {
        if let Err(e) = policy.check(&r) {
            refused.get_or_insert(e);
            continue;
        }
        let observer = reporter.attempt(&r.whole());
        let result = pull_from(store.clone(), conf, &r, &opts, observer.clone()).await;
        observer.finished();
        match result {
            Ok(p) => {
                store.emit("pull", &p.id, &r.whole());
                return Ok(p.id);
            }
            Err(e) => errors.push(e),
        }
    }
    if let (Some(e), true) = (refused, errors.is_empty()) {
        return Err(e.into());
    }
    if errors.len() == 1 {
        return Err(errors.remove(0).into());
    }
    Err(PullFailure::NoRegistry {
        image: req.image.clone(),
        errors: errors.iter().map(|e| error_causes(e)).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policies_parse_with_the_old_wording_for_mistakes() {
        assert_eq!("newer".parse::<PullPolicy>().unwrap(), PullPolicy::Newer);
        assert_eq!(
            "sometimes".parse::<PullPolicy>().unwrap_err().to_string(),
            "invalid --pull policy \"sometimes\": use missing, always, never or newer"
        );
    }

    #[test]
    fn each_policy_decides_as_docker_does() {
        let have = || Some("sha256:a".to_string());
        use PullPolicy::*;
        assert_eq!(
            Missing.plan("x", have()).unwrap(),
            Plan::Use("sha256:a".into())
        );
        assert_eq!(
            Missing.plan("x", None).unwrap(),
            Plan::Pull { fallback: None }
        );
        assert_eq!(
            Always.plan("x", have()).unwrap(),
            Plan::Pull { fallback: None }
        );
        assert_eq!(
            Never.plan("x", have()).unwrap(),
            Plan::Use("sha256:a".into())
        );
        assert_eq!(
            Never.plan("x", None).unwrap_err().to_string(),
            "x: image not known, and --pull=never"
        );
        assert_eq!(
            Newer.plan("x", have()).unwrap(),
            Plan::Pull { fallback: have() }
        );
        assert_eq!(
            Newer.plan("x", None).unwrap(),
            Plan::Pull { fallback: None }
        );
    }

    #[test]
    fn short_names_are_searched_in_each_registry() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("registries.conf");
        std::fs::write(
            &file,
            "unqualified-search-registries = [\"127.0.0.1:5000\", \"quay.io\"]\n",
        )
        .unwrap();
        let conf = RegistriesConf::load(&[file]).unwrap();
        let whole = |input: &str| -> Vec<String> {
            candidates(input, &conf)
                .unwrap()
                .iter()
                .map(Reference::whole)
                .collect()
        };
        assert_eq!(
            whole("app:1"),
            vec!["127.0.0.1:5000/app:1", "quay.io/app:1"]
        );
        assert_eq!(
            whole("docker.io/library/a"),
            vec!["docker.io/library/a:latest"]
        );
        assert!(candidates("Bad", &conf).is_err());
    }
}
