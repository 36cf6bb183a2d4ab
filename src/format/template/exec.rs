//! Execution: the node tree walked against one item, values printed as Go prints them.

use serde_json::Value;

use super::exec_err;
use super::funcs::*;
use super::parse::*;
use crate::format::FormatError;

pub(super) struct Exec {
    /// Variables in scope, innermost last; `$` is the root item.
    pub(super) vars: Vec<(String, Value)>,
}

impl Exec {
    pub(super) fn walk(
        &mut self,
        nodes: &[Node],
        dot: &Value,
        out: &mut String,
    ) -> Result<(), FormatError> {
        for n in nodes {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Action(p) => {
                    let v = self.pipeline(p, dot)?;
                    if p.decl.is_empty() {
                        out.push_str(&go_print(&v, true));
                    }
                }
                Node::If { cond, then, els } => {
                    let mark = self.vars.len();
                    let c = self.pipeline(cond, dot)?;
                    let r = self.walk(if truthy(&c) { then } else { els }, dot, out);
                    self.vars.truncate(mark);
                    r?;
                }
                Node::With { pipe, body, els } => {
                    let mark = self.vars.len();
                    let v = self.pipeline(pipe, dot)?;
                    let r = if truthy(&v) {
                        self.walk(body, &v, out)
                    } else {
                        self.walk(els, dot, out)
                    };
                    self.vars.truncate(mark);
                    r?;
                }
                Node::Range {
                    vars,
                    pipe,
                    body,
                    els,
                } => {
                    let v = self.pipeline(pipe, dot)?;
                    let entries: Vec<(Value, Value)> = match v {
                        Value::Array(a) => a
                            .into_iter()
                            .enumerate()
                            .map(|(i, x)| (Value::from(i), x))
                            .collect(),
                        Value::Object(m) => {
                            m.into_iter().map(|(k, x)| (Value::String(k), x)).collect()
                        }
                        Value::Null => Vec::new(),
                        other => {
                            return exec_err(format!(
                                "range can't iterate over {}",
                                go_print(&other, true)
                            ))
                        }
                    };
                    if entries.is_empty() {
                        self.walk(els, dot, out)?;
                        continue;
                    }
                    for (key, elem) in entries {
                        let mark = self.vars.len();
                        match vars.as_slice() {
                            [v] => self.vars.push((v.clone(), elem.clone())),
                            [k, v] => {
                                self.vars.push((k.clone(), key));
                                self.vars.push((v.clone(), elem.clone()));
                            }
                            _ => {}
                        }
                        let r = self.walk(body, &elem, out);
                        self.vars.truncate(mark);
                        r?;
                    }
                }
            }
        }
        Ok(())
    }

    fn pipeline(&mut self, p: &Pipeline, dot: &Value) -> Result<Value, FormatError> {
        let mut prev: Option<Value> = None;
        for cmd in &p.cmds {
            prev = Some(self.command(cmd, dot, prev)?);
        }
        let v = prev.unwrap_or(Value::Null);
        for name in &p.decl {
            self.vars.push((name.clone(), v.clone()));
        }
        Ok(v)
    }

    fn command(
        &mut self,
        args: &[Arg],
        dot: &Value,
        piped: Option<Value>,
    ) -> Result<Value, FormatError> {
        match args.first() {
            Some(Arg::Func(name)) => {
                let mut vals = Vec::with_capacity(args.len());
                for a in &args[1..] {
                    vals.push(self.arg(a, dot)?);
                }
                vals.extend(piped);
                call(name, vals)
            }
            Some(a) => {
                if args.len() > 1 || piped.is_some() {
                    return exec_err(format!(
                        "can't give argument to non-function {}",
                        describe(a)
                    ));
                }
                self.arg(a, dot)
            }
            None => exec_err("empty command"),
        }
    }

    fn arg(&mut self, a: &Arg, dot: &Value) -> Result<Value, FormatError> {
        match a {
            Arg::Field(names) => fields(dot, names),
            Arg::Var(name, names) => {
                let Some((_, v)) = self.vars.iter().rev().find(|(n, _)| n == name) else {
                    return exec_err(format!("undefined variable: {name}"));
                };
                let v = v.clone();
                fields(&v, names)
            }
            Arg::Lit(v) => Ok(v.clone()),
            Arg::Func(name) => call(name, Vec::new()),
            Arg::Sub(p) => self.pipeline(p, dot),
        }
    }
}

pub(super) fn describe(a: &Arg) -> String {
    match a {
        Arg::Field(f) => format!(".{}", f.join(".")),
        Arg::Var(n, f) if f.is_empty() => n.clone(),
        Arg::Var(n, f) => format!("{n}.{}", f.join(".")),
        Arg::Lit(v) => go_print(v, true),
        Arg::Func(f) => f.clone(),
        Arg::Sub(_) => "(...)".into(),
    }
}

/// Structs (see the module docs) have only exported, capitalised field names.
pub(super) fn is_struct_like(m: &serde_json::Map<String, Value>) -> bool {
    !m.is_empty() && m.keys().all(|k| k.starts_with(|c: char| c.is_uppercase()))
}

pub(super) fn fields(v: &Value, names: &[String]) -> Result<Value, FormatError> {
    let mut cur = v.clone();
    for name in names {
        cur = match cur {
            // Podman's inspect structs have a field `ID` that JSON spells `Id`.
            Value::Object(mut m) => match m.remove(name).or_else(|| match name.as_str() {
                "ID" => m.remove("Id"),
                _ => None,
            }) {
                Some(x) => x,
                None if is_struct_like(&m) => {
                    return exec_err(format!("can't evaluate field {name}"))
                }
                None => Value::Null,
            },
            Value::Null => Value::Null,
            other => {
                return exec_err(format!(
                    "can't evaluate field {name} in type {}",
                    go_type(&other)
                ))
            }
        };
    }
    Ok(cur)
}

pub(super) fn go_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "nil",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float64",
        Value::Number(_) => "int",
        Value::String(_) => "string",
        Value::Array(_) => "[]interface {}",
        Value::Object(_) => "map[string]interface {}",
    }
}

pub(super) fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(m) => !m.is_empty(),
    }
}

/// Go's `%v`. `top` distinguishes a missing value printed by itself (`<no value>`) from
/// a nil inside a collection (`<nil>`).
pub(super) fn go_print(v: &Value, top: bool) -> String {
    match v {
        Value::Null if top => "<no value>".into(),
        Value::Null => "<nil>".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number_string(n),
        Value::String(s) => s.clone(),
        Value::Array(a) => {
            let parts: Vec<String> = a.iter().map(|x| go_print(x, false)).collect();
            format!("[{}]", parts.join(" "))
        }
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            let parts: Vec<String> = keys
                .iter()
                .map(|k| format!("{k}:{}", go_print(&m[*k], false)))
                .collect();
            format!("map[{}]", parts.join(" "))
        }
    }
}

pub(super) fn number_string(n: &serde_json::Number) -> String {
    if n.is_f64() {
        // Rust prints 1.0 as "1" and 0.5 as "0.5", like Go's %v for float64 in range.
        n.as_f64()
            .map(|f| f.to_string())
            .unwrap_or_else(|| n.to_string())
    } else {
        n.to_string()
    }
}
