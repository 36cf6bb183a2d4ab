//! A Dockerfile as the builder uses it: parsed by `parse-dockerfile` (line continuations,
//! `# escape=`, JSON exec forms, heredocs), turned into owned steps that remember their
//! line and their text, grouped into stages.

use parse_dockerfile as pd;

/// A parse or validation error, with the line it is about.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct DockerfileError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// RUN, CMD, ENTRYPOINT and HEALTHCHECK's command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Exec(Vec<String>),
    /// Line continuations removed; variables left to the shell.
    Shell(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HereDoc {
    pub expand: bool,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Path(String),
    HereDoc(HereDoc),
}

/// `--name[=value]` of an instruction.
pub type Flags = Vec<(String, Option<String>)>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    From {
        image: String,
        name: Option<String>,
        flags: Flags,
    },
    /// The raw `NAME[=value] ...` text.
    Arg(String),
    Env(String),
    Label(String),
    Run {
        flags: Flags,
        command: Command,
        heredocs: Vec<HereDoc>,
    },
    Cmd(Command),
    Entrypoint(Command),
    Copy {
        add: bool,
        flags: Flags,
        sources: Vec<Source>,
        dest: String,
    },
    Workdir(String),
    User(String),
    Expose(Vec<String>),
    Volume(Vec<String>),
    Shell(Vec<String>),
    StopSignal(String),
    Healthcheck {
        flags: Flags,
        command: Option<Command>,
    },
    /// The trigger as written.
    Onbuild(String),
    Maintainer(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// 1-based line of the keyword.
    pub line: usize,
    /// The instruction as written, continuations joined (what `STEP n/m:` shows).
    pub text: String,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    pub from: Step,
    pub steps: Vec<Step>,
}

impl Stage {
    pub fn name(&self) -> Option<&str> {
        match &self.from.kind {
            Kind::From { name, .. } => name.as_deref(),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dockerfile {
    /// ARGs before the first FROM.
    pub global_args: Vec<Step>,
    pub stages: Vec<Stage>,
    pub escape: char,
}

impl Dockerfile {
    /// Which of the stages up to `last` it needs (`FROM`, `COPY --from` and
    /// `RUN --mount=from=` naming an earlier stage), for `--skip-unused-stages`. A
    /// reference built from an ARG could be any earlier stage: it keeps them all.
    pub fn needed_stages(&self, last: usize) -> Vec<bool> {
        let stages = &self.stages[..=last];
        let mut need = vec![false; stages.len()];
        need[last] = true;
        for i in (0..=last).rev() {
            if !need[i] {
                continue;
            }
            let mut refs: Vec<&str> = Vec::new();
            if let Kind::From { image, .. } = &stages[i].from.kind {
                refs.push(image);
            }
            for step in &stages[i].steps {
                let (Kind::Copy { flags, .. } | Kind::Run { flags, .. }) = &step.kind else {
                    continue;
                };
                for (k, v) in flags {
                    let v = v.as_deref().unwrap_or("");
                    match k.as_str() {
                        "from" => refs.push(v),
                        "mount" => {
                            refs.extend(v.split(',').filter_map(|p| p.strip_prefix("from=")))
                        }
                        _ => {}
                    }
                }
            }
            for r in refs {
                if r.contains('$') {
                    need[..i].iter_mut().for_each(|n| *n = true);
                    continue;
                }
                let named = stages[..i].iter().position(|s| s.name() == Some(r));
                if let Some(j) = named.or_else(|| r.parse().ok().filter(|j| *j < i)) {
                    need[j] = true;
                }
            }
        }
        need
    }
}

fn keyword_start(i: &pd::Instruction<'_>) -> usize {
    use pd::Instruction as I;
    match i {
        I::Add(x) => x.add.span.start,
        I::Arg(x) => x.arg.span.start,
        I::Cmd(x) => x.cmd.span.start,
        I::Copy(x) => x.copy.span.start,
        I::Entrypoint(x) => x.entrypoint.span.start,
        I::Env(x) => x.env.span.start,
        I::Expose(x) => x.expose.span.start,
        I::From(x) => x.from.span.start,
        I::Healthcheck(x) => x.healthcheck.span.start,
        I::Label(x) => x.label.span.start,
        I::Maintainer(x) => x.maintainer.span.start,
        I::Onbuild(x) => x.onbuild.span.start,
        I::Run(x) => x.run.span.start,
        I::Shell(x) => x.shell.span.start,
        I::Stopsignal(x) => x.stopsignal.span.start,
        I::User(x) => x.user.span.start,
        I::Volume(x) => x.volume.span.start,
        I::Workdir(x) => x.workdir.span.start,
        _ => 0,
    }
}

fn line_of(text: &str, pos: usize) -> usize {
    text.as_bytes()[..pos.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// Remove `escape` + newline pairs (and comment lines inside a continued instruction).
fn join_lines(s: &str, escape: char) -> String {
    let mut out = String::new();
    let mut lines = s.split('\n').peekable();
    while let Some(line) = lines.next() {
        let continued = lines.peek().is_some() && line.trim_end().ends_with(escape);
        if continued {
            let t = line.trim_end();
            out.push_str(&t[..t.len() - escape.len_utf8()]);
        } else {
            out.push_str(line);
            if lines.peek().is_some() {
                out.push('\n');
            }
        }
        // Comment lines between continued lines are dropped, as Docker does.
        while continued
            && lines
                .peek()
                .is_some_and(|l| l.trim_start().starts_with('#'))
        {
            lines.next();
        }
    }
    out
}

/// The text shown for an instruction: its source, continuations joined, comments left out.
fn display(src: &str, escape: char) -> String {
    let joined = join_lines(src, escape);
    let kept: Vec<&str> = joined
        .lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .collect();
    kept.join("\n").trim().to_string()
}

fn flags(f: &[pd::Flag<'_>]) -> Flags {
    f.iter()
        .map(|f| {
            (
                f.name.value.to_string(),
                f.value.as_ref().map(|v| v.value.to_string()),
            )
        })
        .collect()
}

fn command(c: &pd::Command<'_>, escape: char) -> Command {
    match c {
        pd::Command::Exec(v) => {
            Command::Exec(v.value.iter().map(|s| s.value.to_string()).collect())
        }
        pd::Command::Shell(s) => Command::Shell(join_lines(s.value, escape).trim().to_string()),
        // A form added to the crate later: empty rather than guessed.
        _ => Command::Exec(Vec::new()),
    }
}

fn heredoc(h: &pd::HereDoc<'_>) -> HereDoc {
    HereDoc {
        expand: h.expand,
        body: h.value.to_string(),
    }
}

fn convert(i: &pd::Instruction<'_>, text: &str, escape: char) -> Option<Kind> {
    use pd::Instruction as I;
    let s = |u: &pd::UnescapedString<'_>| u.value.to_string();
    Some(match i {
        I::From(x) => Kind::From {
            image: s(&x.image),
            name: x.as_.as_ref().map(|(_, n)| s(n)),
            flags: flags(&x.options),
        },
        I::Arg(x) => Kind::Arg(s(&x.arguments)),
        I::Env(x) => Kind::Env(s(&x.arguments)),
        I::Label(x) => Kind::Label(s(&x.arguments)),
        I::Run(x) => Kind::Run {
            flags: flags(&x.options),
            command: command(&x.arguments, escape),
            heredocs: x.here_docs.iter().map(heredoc).collect(),
        },
        I::Cmd(x) => Kind::Cmd(command(&x.arguments, escape)),
        I::Entrypoint(x) => Kind::Entrypoint(command(&x.arguments, escape)),
        I::Copy(x) => copy(false, &x.options, &x.src, &x.dest),
        I::Add(x) => copy(true, &x.options, &x.src, &x.dest),
        I::Workdir(x) => Kind::Workdir(s(&x.arguments)),
        I::User(x) => Kind::User(s(&x.arguments)),
        I::Expose(x) => Kind::Expose(x.arguments.iter().map(s).collect()),
        I::Volume(x) => Kind::Volume(match &x.arguments {
            pd::JsonOrStringArray::Json(v) => v.value.iter().map(s).collect(),
            pd::JsonOrStringArray::String(v) => v.iter().map(s).collect(),
        }),
        I::Shell(x) => Kind::Shell(x.arguments.iter().map(s).collect()),
        I::Stopsignal(x) => Kind::StopSignal(s(&x.arguments)),
        I::Healthcheck(x) => Kind::Healthcheck {
            flags: flags(&x.options),
            command: match &x.arguments {
                pd::HealthcheckArguments::Cmd { arguments, .. } => Some(command(arguments, escape)),
                _ => None,
            },
        },
        I::Onbuild(_) => {
            // The trigger is kept as text, as images store it.
            let rest = text.trim_start();
            let rest = rest.get("ONBUILD".len()..).unwrap_or("").trim();
            Kind::Onbuild(rest.to_string())
        }
        I::Maintainer(x) => Kind::Maintainer(s(&x.name)),
        _ => return None,
    })
}

fn copy(
    add: bool,
    opts: &[pd::Flag<'_>],
    src: &[pd::Source<'_>],
    dest: &pd::UnescapedString<'_>,
) -> Kind {
    Kind::Copy {
        add,
        flags: flags(opts),
        sources: src
            .iter()
            .filter_map(|s| match s {
                pd::Source::Path(p) => Some(Source::Path(p.value.to_string())),
                pd::Source::HereDoc(h) => Some(Source::HereDoc(heredoc(h))),
                _ => None,
            })
            .collect(),
        dest: dest.value.to_string(),
    }
}

/// Parse `text` (named `file` in errors).
pub fn parse(file: &str, text: &str) -> Result<Dockerfile, DockerfileError> {
    let err = |line, message: String| DockerfileError {
        file: file.to_string(),
        line,
        message,
    };
    let df = pd::parse(text).map_err(|e| {
        let msg = e.to_string();
        // The crate appends "at line N column M"; the prefix says the line already.
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        let word = text
            .lines()
            .nth(e.line().saturating_sub(1))
            .and_then(|l| l.split_whitespace().next())
            .unwrap_or("");
        let msg = if msg.starts_with("unknown instruction") {
            format!("unknown instruction: {}", word.to_ascii_uppercase())
        } else {
            msg
        };
        err(e.line(), msg)
    })?;
    let escape = df
        .parser_directives
        .escape
        .as_ref()
        .map(|d| d.value.value)
        .unwrap_or('\\');
    let starts: Vec<usize> = df.instructions.iter().map(keyword_start).collect();
    let mut steps = Vec::new();
    for (n, i) in df.instructions.iter().enumerate() {
        let start = starts[n];
        let end = starts.get(n + 1).copied().unwrap_or(text.len());
        let src = &text[start..end];
        let line = line_of(text, start);
        let text = display(src, escape);
        let kind = convert(i, &text, escape)
            .ok_or_else(|| err(line, format!("unsupported instruction: {text}")))?;
        steps.push(Step { line, text, kind });
    }
    let mut global_args = Vec::new();
    let mut stages: Vec<Stage> = Vec::new();
    for step in steps {
        match (&step.kind, stages.last_mut()) {
            (Kind::From { .. }, _) => stages.push(Stage {
                from: step,
                steps: Vec::new(),
            }),
            (_, Some(stage)) => stage.steps.push(step),
            (_, None) => global_args.push(step),
        }
    }
    Ok(Dockerfile {
        global_args,
        stages,
        escape,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_the_target_needs() {
        let df = parse(
            "Dockerfile",
            "FROM a AS unused\nFROM b AS base\nFROM c AS tool\nFROM base\nCOPY --from=tool /x /x\nRUN --mount=type=bind,from=1,target=/m true\n",
        )
        .unwrap();
        assert_eq!(df.needed_stages(3), [false, true, true, true]);
        assert_eq!(df.needed_stages(0), [true]);
    }

    #[test]
    fn stages_lines_and_text() {
        let df = parse(
            "Dockerfile",
            "# escape=`\nARG B=busybox\nFROM $B AS one\nRUN echo a && `\n    echo b\nCOPY --from=one a* /d/\nFROM one\nCMD [\"x\"]\n",
        )
        .unwrap();
        assert_eq!(df.escape, '`');
        assert_eq!(df.global_args.len(), 1);
        assert_eq!(df.stages.len(), 2);
        assert_eq!(df.stages[0].name(), Some("one"));
        let run = &df.stages[0].steps[0];
        assert_eq!(run.line, 4);
        assert_eq!(
            run.kind,
            Kind::Run {
                flags: vec![],
                command: Command::Shell("echo a &&     echo b".into()),
                heredocs: vec![]
            }
        );
        assert_eq!(run.text, "RUN echo a &&     echo b");
        assert_eq!(
            df.stages[1].steps[0].kind,
            Kind::Cmd(Command::Exec(vec!["x".into()]))
        );
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = parse("Containerfile", "FROM x\nRUN true\nFROBNICATE x\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert_eq!(
            e.to_string(),
            "Containerfile:3: unknown instruction: FROBNICATE"
        );
        assert!(parse("D", "RUN x\n").is_err());
    }
}
