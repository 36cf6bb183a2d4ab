use super::*;
use serde_json::json;

fn render(t: &str, v: &Value) -> String {
    Template::parse(t)
        .unwrap_or_else(|e| panic!("{t}: {e}"))
        .render(v)
        .unwrap_or_else(|e| panic!("{t}: {e}"))
}

fn container() -> Value {
    json!({
        "Id": "abc123",
        "Name": "web",
        "RepoTags": ["alpine:latest", "alpine:3"],
        "State": {"Pid": 42, "Running": true, "Status": "running", "ExitCode": 0},
        "Config": {"Labels": {"maintainer": "me", "com.x": "y"}, "Env": ["A=1"], "Cmd": null},
        "Labels": {"k": "v", "other": "w"},
        "Size": 1024,
        "Ratio": 0.5,
        "Empty": [],
        "Nothing": null
    })
}

#[test]
fn format_parse() {
    assert!(matches!(Format::parse("json").unwrap(), Format::Json));
    assert!(matches!(Format::parse("table").unwrap(), Format::Table));
    assert!(matches!(Format::parse("").unwrap(), Format::Table));
    match Format::parse("table {{.A}}\t{{.B}}").unwrap() {
        Format::Template(t) => assert!(t.is_table()),
        other => panic!("{other:?}"),
    }
    match Format::parse("{{.A}}").unwrap() {
        Format::Template(t) => assert!(!t.is_table()),
        other => panic!("{other:?}"),
    }
    // "tablex" is not the table keyword.
    match Format::parse("tablex").unwrap() {
        Format::Template(t) => assert_eq!(t.render(&json!({})).unwrap(), "tablex"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(Format::parse("{{.A"), Err(FormatError::Parse(_))));
    assert!("{{nosuchfunc .A}}".parse::<Format>().is_err());
}

#[test]
fn fields_and_values() {
    let c = container();
    assert_eq!(render("{{.Id}}", &c), "abc123");
    // Podman's Go field name for the JSON key.
    assert_eq!(render("{{.ID}}", &c), "abc123");
    assert_eq!(
        render("id={{.Id}} name={{.Name}}", &c),
        "id=abc123 name=web"
    );
    assert_eq!(render("{{.State.Pid}}", &c), "42");
    assert_eq!(render("{{.State.Running}}", &c), "true");
    assert_eq!(render("{{.RepoTags}}", &c), "[alpine:latest alpine:3]");
    assert_eq!(render("{{.Labels}}", &c), "map[k:v other:w]");
    assert_eq!(render("{{.Nothing}}", &c), "<no value>");
    assert_eq!(render("{{.Config.Cmd}}", &c), "<no value>");
    assert_eq!(render("{{.Ratio}} {{.Size}}", &c), "0.5 1024");
    assert_eq!(render("{{.}}", &json!("plain")), "plain");
    assert_eq!(render("{{.}}", &json!([1, null, "a"])), "[1 <nil> a]");
    // Map-like objects: a missing key is <no value>, not an error.
    assert_eq!(render("{{.Labels.missing}}", &c), "<no value>");
    assert_eq!(render("{{.Labels.k}}", &c), "v");
    // Through null: <no value>.
    assert_eq!(render("{{.Nothing.X.Y}}", &c), "<no value>");
}

#[test]
fn missing_field_is_an_error() {
    let t = Template::parse("{{.Foo}}").unwrap();
    let e = t.render(&container()).unwrap_err();
    assert!(e.to_string().contains("can't evaluate field Foo"), "{e}");
    let e = Template::parse("{{.State.Nope}}")
        .unwrap()
        .render(&container())
        .unwrap_err();
    assert!(e.to_string().contains("can't evaluate field Nope"), "{e}");
    let e = Template::parse("{{.Id.X}}")
        .unwrap()
        .render(&container())
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("can't evaluate field X in type string"),
        "{e}"
    );
    // Case-sensitive, as in Docker.
    assert!(Template::parse("{{.id}}")
        .unwrap()
        .render(&container())
        .is_err());
}

#[test]
fn functions() {
    let c = container();
    assert_eq!(render("{{json .Config.Env}}", &c), r#"["A=1"]"#);
    assert_eq!(
        render("{{json .State}}", &c),
        r#"{"ExitCode":0,"Pid":42,"Running":true,"Status":"running"}"#
    );
    assert_eq!(render("{{json .Name}}", &c), r#""web""#);
    assert_eq!(render("{{json .}}", &json!({"a": "<&>"})), r#"{"a":"<&>"}"#);
    assert_eq!(render(r#"{{index .Labels "k"}}"#, &c), "v");
    assert_eq!(render(r#"{{index .Labels "nope"}}"#, &c), "");
    assert_eq!(render(r#"{{index .Config.Labels "com.x"}}"#, &c), "y");
    assert_eq!(render("{{index .RepoTags 1}}", &c), "alpine:3");
    assert!(Template::parse("{{index .RepoTags 5}}")
        .unwrap()
        .render(&c)
        .is_err());
    assert_eq!(
        render(
            "{{upper .Name}} {{lower \"ABC\"}} {{title \"hello world\"}}",
            &c
        ),
        "WEB abc Hello World"
    );
    assert_eq!(
        render("{{len .RepoTags}} {{len .Labels}} {{len .Name}}", &c),
        "2 2 3"
    );
    assert_eq!(
        render(r#"{{join .RepoTags ", "}}"#, &c),
        "alpine:latest, alpine:3"
    );
    assert_eq!(render(r#"{{split "a:b" ":"}}"#, &c), "[a b]");
    assert_eq!(render("{{truncate .Id 3}}", &c), "abc");
    assert_eq!(render("{{pad .Name 1 2}}|", &c), " web  |");
    assert_eq!(
        render(r#"{{printf "%s=%d" .Name .State.Pid}}"#, &c),
        "web=42"
    );
    assert_eq!(
        render(r#"{{printf "%v %v" .RepoTags .State.Running}}"#, &c),
        "[alpine:latest alpine:3] true"
    );
    assert_eq!(render(r#"{{println .Name "x"}}"#, &c), "web x\n");
    assert_eq!(render(r#"{{print .Name "x" 1 2}}"#, &c), "webx1 2");
    assert_eq!(render("{{.Name | upper}}", &c), "WEB");
    assert_eq!(
        render(r#"{{.RepoTags | join "+"}}"#, &c),
        "alpine:latest+alpine:3"
    );
    assert_eq!(render(r#"{{upper (index .Labels "k")}}"#, &c), "V");
    assert_eq!(
        render(r#"{{eq .State.Status "running"}} {{ne .Size 1024}}"#, &c),
        "true false"
    );
    assert_eq!(render(r#"{{eq .Name "a" "b" "web"}}"#, &c), "true");
    assert_eq!(
        render("{{lt 1 2}} {{ge .Size 2000}} {{gt 1.5 1}}", &c),
        "true false true"
    );
    assert_eq!(
        render(
            "{{and .Name .Size}} {{or .Nothing .Name}} {{not .Empty}}",
            &c
        ),
        "1024 web true"
    );
    let e = Template::parse("{{upper}}")
        .unwrap()
        .render(&c)
        .unwrap_err();
    assert!(e.to_string().contains("wrong number of args"), "{e}");
    assert!(matches!(
        Template::parse("{{bogus .X}}"),
        Err(FormatError::Parse(_))
    ));
}

#[test]
fn control_flow() {
    let c = container();
    assert_eq!(
        render("{{range .RepoTags}}{{.}} {{end}}", &c),
        "alpine:latest alpine:3 "
    );
    assert_eq!(render("{{range .Empty}}x{{else}}none{{end}}", &c), "none");
    assert_eq!(render("{{range .Nothing}}x{{else}}none{{end}}", &c), "none");
    assert_eq!(
        render("{{range $i, $t := .RepoTags}}{{$i}}={{$t}};{{end}}", &c),
        "0=alpine:latest;1=alpine:3;"
    );
    assert_eq!(
        render("{{range $k, $v := .Labels}}{{$k}}={{$v}},{{end}}", &c),
        "k=v,other=w,"
    );
    assert_eq!(
        render("{{range $t := .RepoTags}}{{$t}}{{$.Name}} {{end}}", &c),
        "alpine:latestweb alpine:3web "
    );
    assert_eq!(render("{{range .Labels}}{{.}}{{end}}", &c), "vw");
    assert_eq!(
        render("{{if .State.Running}}up{{else}}down{{end}}", &c),
        "up"
    );
    assert_eq!(render("{{if .Empty}}yes{{else}}no{{end}}", &c), "no");
    assert_eq!(render("{{if .Nothing}}yes{{end}}", &c), "");
    assert_eq!(
        render(
            r#"{{if eq .Name "x"}}1{{else if eq .Name "web"}}2{{else}}3{{end}}"#,
            &c
        ),
        "2"
    );
    assert_eq!(
        render(
            r#"{{if eq .Name "x"}}1{{else if eq .Name "y"}}2{{else}}3{{end}}"#,
            &c
        ),
        "3"
    );
    assert_eq!(render("{{with .State}}{{.Pid}}{{end}}", &c), "42");
    assert_eq!(
        render("{{with .Nothing}}{{.Pid}}{{else}}none{{end}}", &c),
        "none"
    );
    assert_eq!(
        render("{{$n := .Name}}{{range .RepoTags}}{{$n}}:{{.}} {{end}}", &c),
        "web:alpine:latest web:alpine:3 "
    );
    assert_eq!(
        render(
            "{{range .RepoTags}}{{if eq . \"alpine:3\"}}[{{.}}]{{end}}{{end}}",
            &c
        ),
        "[alpine:3]"
    );
    assert_eq!(render("a{{/* comment */}}b", &c), "ab");
    for bad in [
        "{{if .A}}",
        "{{range .A}}x",
        "{{end}}",
        "{{else}}",
        "{{if .A}}{{else}}{{else}}{{end}}",
        "{{with .A}}",
    ] {
        assert!(
            matches!(Template::parse(bad), Err(FormatError::Parse(_))),
            "{bad}"
        );
    }
    let e = Template::parse("{{range .Name}}{{end}}")
        .unwrap()
        .render(&c)
        .unwrap_err();
    assert!(e.to_string().contains("range can't iterate"), "{e}");
    assert!(Template::parse("{{$nope}}").unwrap().render(&c).is_err());
}

#[test]
fn trimming_and_escapes() {
    let c = container();
    assert_eq!(render("a  {{- .Name -}}  b", &c), "awebb");
    assert_eq!(
        render("{{range .RepoTags -}}\n  {{.}}\n{{- end}}", &c),
        "alpine:latestalpine:3"
    );
    // `{{-3}}` is the number -3, not a trim marker.
    assert_eq!(render("x {{-3}}", &c), "x -3");
    assert_eq!(render(r"{{.Name}}\t{{.Id}}\n", &c), "web\tabc123\n");
    assert_eq!(render(r#"{{"a\tb"}}"#, &c), "a\tb");
    assert_eq!(render("{{`raw\\t`}}", &c), "raw\\t");
    assert_eq!(render(r#"{{"}}"}}"#, &c), "}}");
    assert_eq!(render("{{ .Name }}", &c), "web");
}

#[test]
fn headers() {
    assert_eq!(header_name("RepoTags"), "REPO TAGS");
    assert_eq!(header_name("ID"), "ID");
    assert_eq!(header_name("ImageID"), "IMAGE ID");
    assert_eq!(header_name("CreatedAt"), "CREATED AT");
    assert_eq!(header_name("HTTPPort"), "HTTP PORT");
    assert_eq!(header_name("Names"), "NAMES");
    let t =
        Template::parse(r"table {{.ID}}\t{{.RepoTags}}\t{{json .Config}}\t{{.State.Pid}}").unwrap();
    assert_eq!(
        t.header(&[("ID", "CONTAINER ID")]),
        "CONTAINER ID\tREPO TAGS\tCONFIG\tPID"
    );
    let t = Template::parse(r"table {{$x := .A}}{{.ID}}\t{{.B}}").unwrap();
    assert_eq!(t.header(&[]), "ID\tB");
}

#[test]
fn table_alignment() {
    let t = render_table(
        &["REPOSITORY", "TAG", "IMAGE ID", "SIZE"],
        &[
            vec![
                "docker.io/library/alpine".into(),
                "latest".into(),
                "0123456789ab".into(),
                "7.8MB".into(),
            ],
            vec!["x".into(), "3".into(), "ffff".into(), "1kB".into()],
        ],
    );
    let expected = "\
REPOSITORY                 TAG       IMAGE ID       SIZE
docker.io/library/alpine   latest    0123456789ab   7.8MB
x                          3         ffff           1kB
";
    assert_eq!(t, expected);
    assert_eq!(render_table(&["A"], &[vec!["x".into()]]), "A\nx\n");
    // Column widths count characters, not bytes.
    assert_eq!(align("é\tb\nxx\tc\n"), "é         b\nxx        c\n");
}

#[test]
fn items() {
    let items = vec![
        json!({"Repository": "alpine", "Tag": "latest", "ID": "abc"}),
        json!({"Repository": "busybox", "Tag": "1", "ID": "def"}),
    ];
    let listing = Listing {
        default_table: r"table {{.Repository}}\t{{.Tag}}\t{{.ID}}",
        headers: &[("ID", "IMAGE ID")],
    };
    let out = render_items(&Format::Table, &listing, &items).unwrap();
    assert_eq!(
        out,
        "REPOSITORY   TAG       IMAGE ID\nalpine       latest    abc\nbusybox      1         def\n"
    );
    let out = render_items(
        &Format::parse("{{.Repository}}:{{.Tag}}").unwrap(),
        &listing,
        &items,
    )
    .unwrap();
    assert_eq!(out, "alpine:latest\nbusybox:1\n");
    let out = render_items(
        &Format::parse(r"table {{.ID}}\t{{.Tag}}").unwrap(),
        &listing,
        &items,
    )
    .unwrap();
    assert_eq!(out, "IMAGE ID   TAG\nabc        latest\ndef        1\n");
    let out = render_items(&Format::Json, &listing, &items[..1]).unwrap();
    assert_eq!(
        out,
        "[\n    {\n        \"ID\": \"abc\",\n        \"Repository\": \"alpine\",\n        \"Tag\": \"latest\"\n    }\n]\n"
    );
    assert_eq!(render_items(&Format::Json, &listing, &[]).unwrap(), "[]\n");
    assert_eq!(
        render_items(&Format::Table, &listing, &[]).unwrap(),
        "REPOSITORY   TAG       IMAGE ID\n"
    );
    let e = render_items(&Format::parse("{{.Nope}}").unwrap(), &listing, &items).unwrap_err();
    assert!(e.to_string().contains("can't evaluate field Nope"));
}
