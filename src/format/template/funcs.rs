//! The template functions (`json index len upper ... printf eq and or not`).

use std::fmt::Write as _;

use serde_json::Value;

use super::exec::*;
use super::exec_err;
use crate::format::FormatError;

pub(super) fn as_int(v: &Value, func: &str) -> Result<i64, FormatError> {
    match v {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64))
            .ok_or_else(|| FormatError::Exec(format!("{func}: expected an integer, got {n}"))),
        Value::String(s) => s
            .parse()
            .map_err(|_| FormatError::Exec(format!("{func}: expected an integer, got {s:?}"))),
        other => exec_err(format!(
            "{func}: expected an integer, got {}",
            go_type(other)
        )),
    }
}

pub(super) fn arity(name: &str, args: &[Value], n: usize) -> Result<(), FormatError> {
    if args.len() == n {
        Ok(())
    } else {
        exec_err(format!(
            "wrong number of args for {name}: want {n} got {}",
            args.len()
        ))
    }
}

pub(super) fn call(name: &str, args: Vec<Value>) -> Result<Value, FormatError> {
    let s = |v: &Value| go_print(v, true);
    match name {
        "json" => {
            arity(name, &args, 1)?;
            // Docker's json does not HTML-escape, and neither does serde_json.
            Ok(Value::String(
                serde_json::to_string(&args[0]).unwrap_or_default(),
            ))
        }
        "index" => {
            let Some((first, keys)) = args.split_first() else {
                return exec_err("wrong number of args for index: want at least 1 got 0");
            };
            let mut cur = first.clone();
            for k in keys {
                cur = match (cur, k) {
                    (Value::Array(a), k) => {
                        let i = as_int(k, "index")?;
                        let Some(x) = usize::try_from(i).ok().and_then(|i| a.get(i)) else {
                            return exec_err(format!(
                                "error calling index: index out of range: {i}"
                            ));
                        };
                        x.clone()
                    }
                    // A missing key gives the zero value; for Docker's string maps that is "".
                    (Value::Object(mut m), Value::String(k)) => {
                        m.remove(k).unwrap_or(Value::String(String::new()))
                    }
                    (Value::Null, _) => Value::Null,
                    (other, _) => {
                        return exec_err(format!("can't index item of type {}", go_type(&other)))
                    }
                };
            }
            Ok(cur)
        }
        "len" => {
            arity(name, &args, 1)?;
            let n = match &args[0] {
                Value::Array(a) => a.len(),
                Value::Object(m) => m.len(),
                Value::String(x) => x.len(),
                Value::Null => 0,
                other => return exec_err(format!("len of type {}", go_type(other))),
            };
            Ok(Value::from(n))
        }
        "upper" | "lower" | "title" => {
            arity(name, &args, 1)?;
            let x = s(&args[0]);
            Ok(Value::String(match name {
                "upper" => x.to_uppercase(),
                "lower" => x.to_lowercase(),
                _ => title(&x),
            }))
        }
        "join" => {
            arity(name, &args, 2)?;
            // Go's join takes (list, sep); accept the piped form `.List | join ","`
            // (sep, list) too instead of failing on it.
            let (list, sep) = match (&args[0], &args[1]) {
                (Value::String(_), Value::Array(_)) => (&args[1], s(&args[0])),
                _ => (&args[0], s(&args[1])),
            };
            let parts: Vec<String> = match list {
                Value::Array(a) => a.iter().map(s).collect(),
                Value::Null => Vec::new(),
                other => vec![s(other)],
            };
            Ok(Value::String(parts.join(&sep)))
        }
        "split" => {
            arity(name, &args, 2)?;
            let (x, sep) = (s(&args[0]), s(&args[1]));
            Ok(Value::Array(
                x.split(sep.as_str())
                    .map(|p| Value::String(p.into()))
                    .collect(),
            ))
        }
        "truncate" => {
            arity(name, &args, 2)?;
            let n = usize::try_from(as_int(&args[1], name)?).unwrap_or(0);
            Ok(Value::String(s(&args[0]).chars().take(n).collect()))
        }
        "pad" => {
            arity(name, &args, 3)?;
            let before = usize::try_from(as_int(&args[1], name)?).unwrap_or(0);
            let after = usize::try_from(as_int(&args[2], name)?).unwrap_or(0);
            Ok(Value::String(format!(
                "{}{}{}",
                " ".repeat(before),
                s(&args[0]),
                " ".repeat(after)
            )))
        }
        "printf" => {
            let Some((f, rest)) = args.split_first() else {
                return exec_err("wrong number of args for printf: want at least 1 got 0");
            };
            Ok(Value::String(sprintf(&s(f), rest)))
        }
        "print" => {
            // Go's Sprint: a space between operands when neither is a string.
            let mut out = String::new();
            for (i, a) in args.iter().enumerate() {
                if i > 0 && !args[i - 1].is_string() && !a.is_string() {
                    out.push(' ');
                }
                out.push_str(&s(a));
            }
            Ok(Value::String(out))
        }
        "println" => {
            let parts: Vec<String> = args.iter().map(s).collect();
            Ok(Value::String(format!("{}\n", parts.join(" "))))
        }
        "eq" => {
            let Some((a, rest)) = args.split_first() else {
                return exec_err("wrong number of args for eq");
            };
            if rest.is_empty() {
                return exec_err("wrong number of args for eq: want at least 2 got 1");
            }
            Ok(Value::Bool(rest.iter().any(|b| values_equal(a, b))))
        }
        "ne" => {
            arity(name, &args, 2)?;
            Ok(Value::Bool(!values_equal(&args[0], &args[1])))
        }
        "lt" | "le" | "gt" | "ge" => {
            arity(name, &args, 2)?;
            let ord = compare(&args[0], &args[1]).ok_or_else(|| {
                FormatError::Exec(format!("{name}: incompatible types for comparison"))
            })?;
            use std::cmp::Ordering::*;
            Ok(Value::Bool(match name {
                "lt" => ord == Less,
                "le" => ord != Greater,
                "gt" => ord == Greater,
                _ => ord != Less,
            }))
        }
        // Go returns the deciding operand itself, not a bool.
        "and" => Ok(args
            .iter()
            .find(|a| !truthy(a))
            .or(args.last())
            .cloned()
            .unwrap_or(Value::Null)),
        "or" => Ok(args
            .iter()
            .find(|a| truthy(a))
            .or(args.last())
            .cloned()
            .unwrap_or(Value::Null)),
        "not" => {
            arity(name, &args, 1)?;
            Ok(Value::Bool(!truthy(&args[0])))
        }
        other => exec_err(format!("function {other:?} not defined")),
    }
}

pub(super) fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut at_start = true;
    for c in s.chars() {
        if at_start && c.is_alphanumeric() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        at_start = !c.is_alphanumeric();
    }
    out
}

pub(super) fn values_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

pub(super) fn compare(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64()?.partial_cmp(&y.as_f64()?),
        (Value::String(x), Value::String(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

/// Go's fmt.Sprintf for the verbs templates use: `%v %s %d %q %t %f %x %X %%`, with
/// flags `-` and `0`, width and precision.
pub(super) fn sprintf(fmt: &str, args: &[Value]) -> String {
    let mut out = String::new();
    let mut args_iter = args.iter();
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let (mut left, mut zero, mut plus) = (false, false, false);
        while let Some(&f) = chars.peek() {
            match f {
                '-' => left = true,
                '0' => zero = true,
                '+' => plus = true,
                ' ' | '#' => {}
                _ => break,
            }
            chars.next();
        }
        let mut width = String::new();
        while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
            width.push(d);
            chars.next();
        }
        let mut precision: Option<usize> = None;
        if chars.peek() == Some(&'.') {
            chars.next();
            let mut p = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                p.push(d);
                chars.next();
            }
            precision = Some(p.parse().unwrap_or(0));
        }
        let Some(verb) = chars.next() else {
            out.push_str("%!(NOVERB)");
            break;
        };
        if verb == '%' {
            out.push('%');
            continue;
        }
        let Some(arg) = args_iter.next() else {
            let _ = write!(out, "%!{verb}(MISSING)");
            continue;
        };
        let mut numeric = false;
        let text = match verb {
            'v' | 's' => {
                let t = go_print(arg, false);
                match (verb, precision) {
                    ('s', Some(p)) => t.chars().take(p).collect(),
                    _ => t,
                }
            }
            'q' => serde_json::to_string(&go_print(arg, false)).unwrap_or_default(),
            't' => match arg {
                Value::Bool(b) => b.to_string(),
                other => format!("%!t({}={})", go_type(other), go_print(other, false)),
            },
            'd' => {
                numeric = true;
                match arg {
                    Value::Number(n) if n.as_i64().is_some() || n.as_u64().is_some() => {
                        let t = n.to_string();
                        if plus && !t.starts_with('-') {
                            format!("+{t}")
                        } else {
                            t
                        }
                    }
                    other => format!("%!d({}={})", go_type(other), go_print(other, false)),
                }
            }
            'f' => {
                numeric = true;
                match arg.as_f64() {
                    Some(f) => format!("{f:.*}", precision.unwrap_or(6)),
                    None => format!("%!f({}={})", go_type(arg), go_print(arg, false)),
                }
            }
            'x' | 'X' => {
                let t = match arg {
                    Value::Number(n) if n.as_i64().is_some() => {
                        numeric = true;
                        format!("{:x}", n.as_i64().unwrap_or(0))
                    }
                    Value::String(x) => hex::encode(x),
                    other => format!("%!x({}={})", go_type(other), go_print(other, false)),
                };
                if verb == 'X' {
                    t.to_uppercase()
                } else {
                    t
                }
            }
            other => format!("%!{other}({}={})", go_type(arg), go_print(arg, false)),
        };
        let w: usize = width.parse().unwrap_or(0);
        let len = text.chars().count();
        if len >= w {
            out.push_str(&text);
        } else if left {
            out.push_str(&text);
            out.extend(std::iter::repeat_n(' ', w - len));
        } else if zero && numeric {
            let (sign, digits) = match text.strip_prefix('-') {
                Some(d) => ("-", d),
                None => ("", text.as_str()),
            };
            out.push_str(sign);
            out.extend(std::iter::repeat_n('0', w - len));
            out.push_str(digits);
        } else {
            out.extend(std::iter::repeat_n(' ', w - len));
            out.push_str(&text);
        }
    }
    let extra: Vec<String> = args_iter
        .map(|a| format!("{}={}", go_type(a), go_print(a, false)))
        .collect();
    if !extra.is_empty() {
        let _ = write!(out, "%!(EXTRA {})", extra.join(", "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn printf_verbs() {
        let a = |v: Value| [v];
        assert_eq!(
            sprintf("%5s|%-5s|", &[json!("ab"), json!("cd")]),
            "   ab|cd   |"
        );
        assert_eq!(
            sprintf("%05d %d %+d", &[json!(42), json!(-3), json!(7)]),
            "00042 -3 +7"
        );
        assert_eq!(sprintf("%.2f %f", &[json!(1.5), json!(2)]), "1.50 2.000000");
        assert_eq!(sprintf("%q", &a(json!("x\"y"))), r#""x\"y""#);
        assert_eq!(sprintf("%x %X", &[json!(255), json!("hi")]), "ff 6869");
        assert_eq!(sprintf("%t %%", &a(json!(true))), "true %");
        assert_eq!(sprintf("%.3s", &a(json!("abcdef"))), "abc");
        assert_eq!(sprintf("%d", &a(json!("x"))), "%!d(string=x)");
        assert_eq!(sprintf("%s %s", &a(json!("x"))), "x %!s(MISSING)");
        assert_eq!(sprintf("%s", &[json!("x"), json!(1)]), "x%!(EXTRA int=1)");
        assert_eq!(
            sprintf("%v", &a(json!({"b": 1, "a": [true]}))),
            "map[a:[true] b:1]"
        );
    }
}
