//! `cove search`: images whose name contains a term, as Podman finds them. Docker Hub
//! answers its `/v1/search` API (stars, official, automated, description); any other
//! registry is searched through `/v2/_catalog`, keeping the repositories whose name
//! contains the term. `--list-tags` lists a repository's tags (`/v2/NAME/tags/list`).

use oci_client::errors::OciDistributionError;
use serde::{Deserialize, Serialize};

use crate::config::registries::RegistriesConf;
use crate::image::reference::{Reference, ReferenceError};
use crate::registry::client::{ConnectError, ConnectOptions, Registry};
use crate::registry::http::{HttpError, RawRegistry};

/// Results per registry unless `--limit` says otherwise (Podman's default).
pub const DEFAULT_LIMIT: usize = 25;
/// Descriptions longer than this are cut (with `...`) unless `--no-trunc`.
const TRUNC_LENGTH: usize = 44;
/// Catalog pages followed at most: a registry with more repositories than this many
/// pages of 1000 is not searched to the end.
const MAX_CATALOG_PAGES: usize = 50;

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("invalid `stars` filter {0:?}, should be stars=<value>")]
    StarsMissing(String),
    #[error("incorrect value type for stars filter: {0:?} is not a number")]
    StarsValue(String),
    #[error("invalid filter type {0:?}")]
    FilterType(String),
    #[error("filters are not applicable to list tags result")]
    FilterWithTags,
    #[error("no registry to search: name one (REGISTRY/TERM) or set unqualified-search-registries in registries.conf")]
    NoRegistries,
    #[error("couldn't search registry {registry:?}: {detail}")]
    Registry { registry: String, detail: String },
    #[error("reference {0:?} must be a docker reference")]
    NotAReference(String),
    #[error("getting repository tags: {0}")]
    Tags(String),
    #[error(transparent)]
    Connect(#[from] ConnectError),
}

/// `--filter`: stars=N, is-automated[=BOOL], is-official[=BOOL].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchFilter {
    pub stars: u64,
    pub is_automated: Option<bool>,
    pub is_official: Option<bool>,
}

impl SearchFilter {
    /// Podman's reading: `is-official` alone or with any value but `false` means true.
    pub fn parse(filters: &[String]) -> Result<SearchFilter, SearchError> {
        let mut f = SearchFilter::default();
        for item in filters {
            let (key, value) = match item.split_once('=') {
                Some((k, v)) => (k, Some(v)),
                None => (item.as_str(), None),
            };
            match key {
                "stars" => {
                    let v = value.ok_or_else(|| SearchError::StarsMissing(item.clone()))?;
                    f.stars = v
                        .parse()
                        .map_err(|_| SearchError::StarsValue(v.to_string()))?;
                }
                "is-automated" => f.is_automated = Some(value != Some("false")),
                "is-official" => f.is_official = Some(value != Some("false")),
                _ => return Err(SearchError::FilterType(item.clone())),
            }
        }
        Ok(f)
    }

    fn matches(&self, r: &V1Result) -> bool {
        r.star_count >= self.stars
            && self.is_automated.is_none_or(|want| r.is_automated == want)
            && self.is_official.is_none_or(|want| r.is_official == want)
    }

    fn is_empty(&self) -> bool {
        *self == SearchFilter::default()
    }
}

#[derive(Debug, Clone, Default)]
pub struct SearchOptions {
    pub filter: SearchFilter,
    /// Results per registry; `None`: [`DEFAULT_LIMIT`]. Zero or less prints nothing.
    pub limit: Option<i64>,
    pub no_trunc: bool,
    pub list_tags: bool,
    pub connect: ConnectOptions,
}

/// One result with Podman's field names (`--format {{.Name}}`).
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
#[serde(rename_all = "PascalCase")]
pub struct SearchResult {
    pub index: String,
    pub name: String,
    pub description: String,
    pub stars: u64,
    /// `[OK]` or empty.
    pub official: String,
    /// `[OK]` or empty.
    pub automated: String,
    pub tag: String,
}

/// What Docker Hub's v1 search answers for one repository.
#[derive(Debug, Default, Deserialize)]
struct V1Result {
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    star_count: u64,
    #[serde(default)]
    is_automated: bool,
    #[serde(default)]
    is_official: bool,
}

/// Search for `term`: `REGISTRY/TERM` searches that registry, a bare term every
/// unqualified-search registry. Results of the registries that answered; an error only
/// when none did.
pub async fn search(
    conf: &RegistriesConf,
    term: &str,
    opts: &SearchOptions,
) -> Result<Vec<SearchResult>, SearchError> {
    if opts.list_tags && !opts.filter.is_empty() {
        return Err(SearchError::FilterWithTags);
    }
    // Everything before the first slash is the registry; the term may hold anything
    // (Podman does not parse it as a reference either).
    let (registries, term) = match term.split_once('/') {
        Some((reg, rest)) => (vec![reg.to_string()], rest),
        None => (conf.search_registries().to_vec(), term),
    };
    if registries.is_empty() {
        return Err(SearchError::NoRegistries);
    }
    let mut results = Vec::new();
    let mut last_err = None;
    for reg in &registries {
        let found = if opts.list_tags {
            list_tags(conf, reg, term, opts).await
        } else {
            search_one(conf, reg, term, opts).await
        };
        match found {
            Ok(r) => results.extend(r),
            Err(e) => last_err = Some(e),
        }
    }
    match last_err {
        Some(e) if results.is_empty() => Err(e),
        _ => Ok(results),
    }
}

fn limit_of(opts: &SearchOptions) -> usize {
    match opts.limit {
        None | Some(0) => DEFAULT_LIMIT,
        Some(n) => usize::try_from(n).unwrap_or(0),
    }
}

async fn search_one(
    conf: &RegistriesConf,
    registry: &str,
    term: &str,
    opts: &SearchOptions,
) -> Result<Vec<SearchResult>, SearchError> {
    let fail = |e: HttpError| SearchError::Registry {
        registry: registry.to_string(),
        detail: e.to_string(),
    };
    let limit = limit_of(opts);
    let raw = RawRegistry::connect(registry, conf, &opts.connect).map_err(fail)?;
    // Docker Hub disabled its catalog; its v1 search lives on the index host.
    let is_hub = matches!(registry, "docker.io" | "index.docker.io");
    let found = if is_hub && !term.is_empty() {
        v1_search(&raw, "index.docker.io", term, limit)
            .await
            .map_err(fail)?
    } else {
        catalog_search(&raw, registry, term).await.map_err(fail)?
    };
    Ok(found
        .into_iter()
        .take(limit)
        .filter(|r| opts.filter.matches(r))
        .map(|r| {
            let description = r.description.replace('\n', " ");
            let description = if !opts.no_trunc && description.len() > TRUNC_LENGTH {
                let cut = (0..=TRUNC_LENGTH)
                    .rev()
                    .find(|i| description.is_char_boundary(*i))
                    .unwrap_or(0);
                format!("{}...", &description[..cut])
            } else {
                description
            };
            let name = if is_hub && !r.name.contains('/') {
                format!("docker.io/library/{}", r.name)
            } else {
                format!("{registry}/{}", r.name)
            };
            let ok = |b: bool| if b { "[OK]" } else { "" }.to_string();
            SearchResult {
                index: registry.to_string(),
                name,
                description,
                stars: r.star_count,
                official: ok(r.is_official),
                automated: ok(r.is_automated),
                tag: String::new(),
            }
        })
        .collect())
}

async fn v1_search(
    raw: &RawRegistry,
    host: &str,
    term: &str,
    limit: usize,
) -> Result<Vec<V1Result>, HttpError> {
    #[derive(Deserialize)]
    struct Page {
        #[serde(default)]
        results: Vec<V1Result>,
    }
    let query: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("q", term)
        .append_pair("n", &limit.to_string())
        .finish();
    let res = raw.get(host, &format!("/v1/search?{query}"), "").await?;
    if !res.status().is_success() {
        return Err(HttpError::Status(res.status()));
    }
    let page: Page = res
        .json()
        .await
        .map_err(|e| HttpError::Request(e.to_string()))?;
    Ok(page.results)
}

/// The catalog's repositories containing `term`, following its `Link` pages.
async fn catalog_search(
    raw: &RawRegistry,
    host: &str,
    term: &str,
) -> Result<Vec<V1Result>, HttpError> {
    #[derive(Deserialize)]
    struct Page {
        #[serde(default)]
        repositories: Vec<String>,
    }
    let mut out = Vec::new();
    let mut path = "/v2/_catalog?n=1000".to_string();
    for _ in 0..MAX_CATALOG_PAGES {
        let res = raw.get(host, &path, "registry:catalog:*").await?;
        if !res.status().is_success() {
            return Err(HttpError::Status(res.status()));
        }
        let next = res
            .headers()
            .get(reqwest::header::LINK)
            .and_then(|l| l.to_str().ok())
            .and_then(next_link);
        let page: Page = res
            .json()
            .await
            .map_err(|e| HttpError::Request(e.to_string()))?;
        out.extend(
            page.repositories
                .into_iter()
                .filter(|r| r.contains(term))
                .map(|name| V1Result {
                    name,
                    ..Default::default()
                }),
        );
        match next {
            Some(p) => path = p,
            None => break,
        }
    }
    Ok(out)
}

/// `</v2/_catalog?last=x&n=1000>; rel="next"` -> `/v2/_catalog?last=x&n=1000`.
fn next_link(header: &str) -> Option<String> {
    let (target, rel) = header.split_once(';')?;
    if !rel.contains("rel=\"next\"") {
        return None;
    }
    let target = target.trim().trim_start_matches('<').trim_end_matches('>');
    target.find("/v2/").map(|i| target[i..].to_string())
}

async fn list_tags(
    conf: &RegistriesConf,
    registry: &str,
    term: &str,
    opts: &SearchOptions,
) -> Result<Vec<SearchResult>, SearchError> {
    let reference = Reference::parse(&format!("{registry}/{term}"))
        .map_err(|_: ReferenceError| SearchError::NotAReference(term.to_string()))?;
    let reg = Registry::connect(&reference, conf, &opts.connect)?;
    let tags = reg
        .client
        .list_tags(&reference.to_oci(), &reg.auth, None, None)
        .await
        .map_err(|e: OciDistributionError| SearchError::Tags(crate::registry::error_causes(&e)))?;
    let name = reference.repository_with_registry();
    Ok(tags
        .tags
        .into_iter()
        .take(limit_of(opts))
        .map(|tag| SearchResult {
            name: name.clone(),
            tag,
            ..Default::default()
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_read_as_podman_reads_them() {
        let f = SearchFilter::parse(&["stars=3".into(), "is-official".into()]).unwrap();
        assert_eq!(f.stars, 3);
        assert_eq!(f.is_official, Some(true));
        let f = SearchFilter::parse(&["is-automated=false".into()]).unwrap();
        assert_eq!(f.is_automated, Some(false));
        assert!(SearchFilter::parse(&["stars=x".into()]).is_err());
        assert!(SearchFilter::parse(&["stars".into()]).is_err());
        assert_eq!(
            SearchFilter::parse(&["bogus".into()])
                .unwrap_err()
                .to_string(),
            "invalid filter type \"bogus\""
        );
    }

    #[test]
    fn catalog_pages_follow_the_next_link() {
        assert_eq!(
            next_link(r#"</v2/_catalog?last=b&n=2>; rel="next""#).as_deref(),
            Some("/v2/_catalog?last=b&n=2")
        );
        assert_eq!(
            next_link(r#"<https://h/v2/_catalog?last=b>; rel="next""#).as_deref(),
            Some("/v2/_catalog?last=b")
        );
        assert_eq!(next_link(r#"</x>; rel="prev""#), None);
    }
}
