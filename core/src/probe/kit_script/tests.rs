//! The kits read as a hostile registry would: what reaches a command line, what is printed, and
//! whether each quoting function gives back exactly its value in the shell that reads it.

use super::*;
use crate::probe::target::parse_target;
use proptest::prelude::*;

/// The `sh` kit from the served file.
fn sh(t: &Target, image: Option<&Image>) -> String {
    super::sh(files::SH, t, image).expect("the served file is a kit")
}

/// The PowerShell kit from the served file.
fn ps(t: &Target, image: Option<&Image>) -> String {
    super::ps(files::PS, t, image).expect("the served file is a kit")
}

#[test]
fn a_text_without_exactly_one_values_line_is_no_kit() {
    let t = parse_target("contoso").expect("target");
    assert_eq!(super::sh("#!/bin/sh\necho hi\n", &t, None), None);
    let twice = format!("{VALUES_LINE}{VALUES_LINE}");
    assert_eq!(super::ps(&twice, &t, None), None);
    let filled = super::sh(files::SH, &t, None).expect("kit");
    assert!(!filled.contains(VALUES_LINE));
    assert!(filled.starts_with("#!/bin/sh\n"));
}

#[test]
fn the_script_holds_only_checked_values() {
    let t = parse_target("contoso").expect("target");
    let image = Image::parse("team/web:v2").expect("image");
    let s = sh(&t, Some(&image));
    assert!(s.contains("ORIGIN='https://contoso.azurecr.io'\nHOST='contoso.azurecr.io'\nPORT='443'\nTLS='yes'\nDNS='yes'\nLOOP='no'\nAZURE='yes'\nDATA_HOSTS='contoso\\.[a-z0-9-]+\\.data\\.azurecr\\.(io|cn|us)|[a-z0-9-]+\\.blob\\.core\\.(windows\\.net|chinacloudapi\\.cn|usgovcloudapi\\.net)'\nREPO='team/web'\nTAG='v2'\n"), "{s}");
    assert!(s.starts_with("#!/bin/sh\n"));
    assert_eq!(Image::parse("web").map(|i| i.tag), Some("latest".into()));
    for hostile in ["web';id;'", "Web:v1", "web:v1;id", "a b", "web:$(id)"] {
        assert_eq!(Image::parse(hostile), None, "{hostile}");
    }
    let local = parse_target("http://127.0.0.1:15001").expect("local");
    assert!(sh(&local, None).contains(
        "PORT='15001'\nTLS='no'\nDNS='no'\nLOOP='yes'\nAZURE='no'\nDATA_HOSTS='[a-z0-9-]+\\.blob"
    ));
}

#[test]
fn the_port_of_every_kind_of_host() {
    for (typed, port) in [
        ("https://[::1]:5000", "5000"),
        ("https://[::1]", "443"),
        ("https://[2001:db8::1]:8443", "8443"),
        ("http://127.0.0.1:15001", "15001"),
        ("http://localhost", "80"),
        ("contoso", "443"),
        ("contoso.azurecr.io:8443", "8443"),
    ] {
        let t = parse_target(typed).expect(typed);
        assert!(
            sh(&t, None).contains(&format!("\nPORT='{port}'\n")),
            "{typed}"
        );
        assert!(
            ps(&t, None).contains(&format!("\n$Port = '{port}'\n")),
            "{typed}"
        );
    }
    // An address is not looked up; a name is.
    let v6 = parse_target("https://[::1]:5000").expect("v6");
    assert!(sh(&v6, None).contains("\nDNS='no'\nLOOP='no'\n"));
}

/// The variables of a kit whose text came from an answer (or from a step that read one): a
/// registry, a certificate, a redirect. Everything else in the kits is the page's checked values,
/// the kit's constants, or the person's own environment.
const SH_TAINTED_SEEDS: &[&str] = &[
    "R", "B", "W", "S", "IP", "REALM", "SERVICE", "RO", "O", "AT", "RT", "ET", "GR", "D", "BS",
    "LOC", "LS", "DH", "CERT", "I", "N", "G", "A", "A6", "C", "E",
];

/// Split a line of `sh` into words and separators, quotes kept in the words. Command
/// substitutions are opened as their own commands (`$(` … `)`).
fn sh_tokens(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut chars = line.chars().peekable();
    let flush = |word: &mut String, out: &mut Vec<String>| {
        if !word.is_empty() {
            out.push(std::mem::take(word));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                word.push(c);
                for d in chars.by_ref() {
                    word.push(d);
                    if d == '\'' {
                        break;
                    }
                }
            }
            '"' => {
                // A double-quoted word may hold `$(…)`: its commands are read as commands too.
                word.push(c);
                let mut depth = 0;
                while let Some(d) = chars.next() {
                    if d == '\\' {
                        word.push(d);
                        word.extend(chars.next());
                        continue;
                    }
                    if d == '$' && chars.peek() == Some(&'(') {
                        depth += 1;
                    } else if d == ')' && depth > 0 {
                        depth -= 1;
                    } else if d == '"' && depth == 0 {
                        word.push(d);
                        break;
                    }
                    word.push(d);
                }
            }
            '\\' => {
                word.push(c);
                word.extend(chars.next());
            }
            '$' if chars.peek() == Some(&'(') => {
                chars.next();
                if chars.peek() == Some(&'(') {
                    // $(( arithmetic )): one word.
                    word.push_str("$(");
                    let mut depth = 1;
                    for d in chars.by_ref() {
                        word.push(d);
                        match d {
                            '(' => depth += 1,
                            ')' => {
                                depth -= 1;
                                if depth == 0 {
                                    break;
                                }
                            }
                            _ => {}
                        }
                    }
                } else {
                    word.push_str("$(");
                    flush(&mut word, &mut out);
                }
            }
            ' ' | '\t' => flush(&mut word, &mut out),
            '<' | '>' => {
                // A redirection: `2>/dev/null`, `>&2`, `</dev/null`. Its target is kept as one
                // token, `>TARGET`, for the check.
                if word.bytes().all(|b| b.is_ascii_digit()) {
                    word.clear();
                }
                flush(&mut word, &mut out);
                while chars.next_if(|d| matches!(d, '&' | '>' | ' ')).is_some() {}
                let mut target = String::from(">");
                while let Some(d) = chars.next_if(|d| !matches!(d, ' ' | ';' | '|' | ')')) {
                    target.push(d);
                }
                out.push(target);
            }
            ';' | '|' | '&' | '(' | ')' | '{' | '}' => {
                flush(&mut word, &mut out);
                out.push(c.to_string());
            }
            '#' if word.is_empty() => break,
            _ => word.push(c),
        }
    }
    flush(&mut word, &mut out);
    out
}

/// The `$NAME` and `${NAME…}` a word expands (not `${#NAME}`, a length), nested commands included.
fn expands(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b = word.as_bytes();
    let mut i = 0;
    let mut double = false;
    while i < b.len() {
        if b[i] == b'\\' {
            i += 2;
            continue;
        }
        if b[i] == b'"' {
            double = !double;
        }
        // Nothing is expanded inside single quotes (an awk program's `$2`).
        if b[i] == b'\'' && !double {
            i = word[i + 1..].find('\'').map_or(b.len(), |j| i + j + 2);
            continue;
        }
        if b[i] == b'$' && i + 1 < b.len() {
            let (start, braced) = if b[i + 1] == b'{' {
                (i + 2, true)
            } else {
                (i + 1, false)
            };
            if braced && b.get(start) == Some(&b'#') {
                i = start + 1;
                continue;
            }
            let end = (start..b.len())
                .find(|&j| !(b[j].is_ascii_alphanumeric() || b[j] == b'_'))
                .unwrap_or(b.len());
            if end > start {
                out.push(word[start..end].to_owned());
            }
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

/// Where a value from an answer may stand in the `sh` kit, by the command that receives it:
/// builtins and the kit's own functions that read it as data, never as an option, and external
/// filters that read it on their standard input (not as an argument).
fn sh_allows(command: &str, index: usize, words: &[String]) -> bool {
    match command {
        // A value printed: `say` is `printf '%s\n' "$*"`.
        "say" | "enc" | "granted" | "code" | "scheme_of" | "origin_of" | "host_ok" => true,
        // `printf FORMAT ARG…`: data after a format that holds no value.
        "printf" => index >= 2 && expands(&words[1]).is_empty(),
        // The option's name is the kit's; its value is quoted for curl's config.
        "opt" => index == 2,
        "case" => index == 1,
        "[" | "test" => true,
        _ => false,
    }
}

/// Every line of the `sh` kit where a value from an answer reaches a command's arguments.
fn sh_taint_violations(script: &str) -> Vec<String> {
    let mut tainted: std::collections::HashSet<String> =
        SH_TAINTED_SEEDS.iter().map(|s| s.to_string()).collect();
    // In a function, its arguments may be anything.
    for p in ["1", "2", "*", "@"] {
        tainted.insert(p.to_owned());
    }
    let mut bad = Vec::new();
    for line in script.lines() {
        let tokens = sh_tokens(line);
        let mut command: Vec<String> = Vec::new();
        let mut commands = Vec::new();
        let mut depth = 0usize;
        for t in tokens {
            if let Some(target) = t.strip_prefix('>') {
                if expands(target).iter().any(|v| tainted.contains(v)) {
                    bad.push(format!("redirected to a server's name: {line}"));
                }
                continue;
            }
            if t == ")" && depth == 0 {
                // A case label (`curl-0)`): not a command.
                command.clear();
                continue;
            }
            let separator =
                matches!(t.as_str(), ";" | "|" | "&" | "(" | ")" | "{" | "}") || t.ends_with("$(");
            if t == "(" || t.ends_with("$(") {
                depth += 1;
            } else if t == ")" {
                depth -= 1;
            }
            if separator {
                commands.push(std::mem::take(&mut command));
                if t.ends_with("$(") && t != "$(" {
                    command.push(t);
                }
            } else {
                command.push(t);
            }
        }
        commands.push(command);
        for words in commands {
            // Keywords, case labels and assignments before the command.
            let mut rest: Vec<String> = words
                .into_iter()
                .skip_while(|w| {
                    matches!(
                        w.as_str(),
                        "if" | "then"
                            | "else"
                            | "elif"
                            | "fi"
                            | "do"
                            | "done"
                            | "while"
                            | "!"
                            | "&&"
                            | "||"
                            | "esac"
                            | ";;"
                            | "in"
                    )
                })
                .collect();
            while let Some(w) = rest.first() {
                let Some((name, value)) = w.split_once('=') else {
                    break;
                };
                if !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                    break;
                }
                let _ = value;
                rest.remove(0);
            }
            let Some(name) = rest.first().cloned() else {
                continue;
            };
            // A word opening a substitution ("…$(") is not a command of its own.
            if name.contains("$(") {
                continue;
            }
            for (i, w) in rest.iter().enumerate().skip(1) {
                let hot = expands(w).iter().any(|v| tainted.contains(v));
                if hot && !sh_allows(&name, i, &rest) {
                    bad.push(format!("{name} (argument {i}): {line}"));
                }
            }
            if (name == "curl" || name.ends_with("/curl")) && !line.contains("kcurl() {") {
                bad.push(format!("curl outside kcurl: {line}"));
            }
            if name == "kcurl" && rest.len() > 1 {
                bad.push(format!("kcurl takes no argument: {line}"));
            }
        }
    }
    bad
}

#[test]
fn no_server_text_reaches_a_command_line_in_the_sh_kit() {
    let t = parse_target("contoso").expect("t");
    let image = Image::parse("web:v1");
    let s = sh(&t, image.as_ref());
    assert_eq!(sh_taint_violations(&s), Vec::<String>::new());
    // The check itself finds what it is for.
    for planted in [
        "curl -sS \"$REALM\"",
        "O=$(printf '' | kcurl \"$LOC\")",
        "getent hosts \"$DH\"",
        "printf \"$W\"",
        "opt \"$SERVICE\" x",
        "openssl s_client -connect \"$DH:443\"",
    ] {
        let v = sh_taint_violations(&format!("{s}{planted}\n"));
        assert!(!v.is_empty(), "not found: {planted}");
    }
    assert!(!s.contains("set -x"));
    assert!(
        !s.contains(" -L") && !s.contains("opt location") && !s.contains("--location"),
        "never follow a redirect"
    );
}

#[test]
fn nothing_secret_is_printed_by_the_sh_kit() {
    let s = sh(&parse_target("r").expect("t"), None);
    let secrets = [
        "$AT",
        "$RT",
        "$ET",
        "$ACR_PASSWORD",
        "$LOC",
        "\"$O\"",
        "$CERT",
    ];
    for line in s.lines() {
        if let Some((_, said)) = line.split_once("say ") {
            // A token's length and the status curl wrote last are not secrets.
            let l = said.replace("${#AT}", "").replace("$(code \"$O\")", "");
            assert!(!secrets.iter().any(|x| l.contains(x)), "printed: {line}");
        }
    }
}

/// The native commands the PowerShell kit runs, each with the words of its command line.
fn ps_native_calls(script: &str) -> Vec<(String, String)> {
    let mut calls = Vec::new();
    for line in script.lines() {
        let code = line.split(" # ").next().unwrap_or(line);
        if code.trim_start().starts_with('#') {
            continue;
        }
        for exe in [
            "curl.exe",
            "az ",
            "openssl",
            "nslookup",
            "cmd ",
            "powershell ",
        ] {
            let mut from = 0;
            while let Some(at) = code[from..].find(exe) {
                let start = from + at;
                // `Get-Command az` names it without running it.
                let named = code[..start].trim_end().ends_with("Get-Command");
                let rest = &code[start..];
                let end = rest.find([')', '}', ';', '|']).unwrap_or(rest.len());
                if !named {
                    calls.push((exe.trim().to_owned(), rest[..end].to_owned()));
                }
                from = start + exe.len();
            }
        }
    }
    calls
}

#[test]
fn the_powershell_kit_runs_native_commands_with_constants_only() {
    let t = parse_target("contoso").expect("t");
    let image = Image::parse("team/web:v2");
    let ps = ps(&t, image.as_ref());
    let calls = ps_native_calls(&ps);
    let curl: Vec<_> = calls.iter().filter(|(e, _)| e == "curl.exe").collect();
    assert_eq!(curl.len(), 1, "curl.exe is run in one place: {calls:?}");
    assert_eq!(
        curl[0].1,
        "curl.exe -sS --max-time $T --proto $Proto --proto-redir $Proto -K - 2>$null "
    );
    for (exe, words) in &calls {
        // Only the kit's own constants: the time limit (digits) and the protocols it allows.
        let vars: Vec<String> = expands(words);
        assert!(
            vars.iter().all(|v| v == "T" || v == "Proto" || v == "null"),
            "{exe}: {words}"
        );
        assert!(!words.contains('@'), "no splatting: {words}");
    }
    assert!(calls.iter().any(|(e, w)| e == "az"
        && w.starts_with(
            "az account get-access-token --resource https://containerregistry.azure.net"
        )));
    // Those two are the kit's own, each set once from constants.
    assert!(ps.contains("\n$T = if ($env:ACR_KIT_TIMEOUT -match '^[0-9]+$') { [int]$env:ACR_KIT_TIMEOUT } else { 10 }\n"));
    assert!(
        ps.contains("\n$Proto = if ($Loopback -eq 'yes') { '=http,https' } else { '=https' }\n")
    );
    assert_eq!(ps.matches("$T = ").count(), 1);
    assert_eq!(ps.matches("$Proto = ").count(), 1);
    // Nothing is run from text: no Invoke-Expression, no new process but curl.exe and az.
    for never in [
        "Invoke-Expression",
        "iex ",
        "Start-Process",
        "& $",
        "&$",
        ".Invoke(",
    ] {
        assert!(!ps.contains(never), "{never}");
    }
    // KCurl is given the config alone, each part built by Opt (or a bare flag).
    for line in ps.lines().filter(|l| l.contains("KCurl @(")) {
        let args = line.split("KCurl @(").nth(1).unwrap_or("");
        let mut parts = vec![String::new()];
        let mut depth = 0;
        for c in args.chars() {
            match c {
                '(' => depth += 1,
                ')' if depth == 0 => break,
                ')' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(String::new());
                    continue;
                }
                _ => {}
            }
            parts.last_mut().expect("a part").push(c);
        }
        for part in &parts {
            let part = part.trim().trim_start_matches('(');
            assert!(
                part.starts_with("Opt '") || part.starts_with("'get'"),
                "{line}"
            );
        }
    }
}

#[test]
fn the_powershell_kit_prints_the_same_transcript() {
    let t = parse_target("contoso").expect("t");
    let image = Image::parse("team/web:v2");
    let sh = sh(&t, image.as_ref());
    let ps = ps(&t, image.as_ref());
    assert!(ps.contains("$Origin = 'https://contoso.azurecr.io'\n$HostName = 'contoso.azurecr.io'\n$Port = '443'\n$Tls = 'yes'\n$Dns = 'yes'\n$Loopback = 'no'\n$Azure = 'yes'\n"));
    assert!(ps.contains("$Repo = 'team/web'\n$Tag = 'v2'\n"));
    let steps = |script: &str, say: &str| -> Vec<String> {
        let mut v: Vec<String> = script
            .lines()
            .flat_map(|l| l.split(say).skip(1))
            .filter_map(|rest| {
                let rest = rest.trim_start_matches(['"', '(']);
                rest.split_whitespace().next().map(str::to_owned)
            })
            .collect();
        v.dedup();
        v
    };
    let sh_steps = steps(&sh, "say ");
    let ps_steps = steps(&ps, "Say ");
    assert_eq!(ps_steps, sh_steps);
    for name in [
        "dns", "tcp", "tls", "v2", "token", "manifest", "blob", "data-dns", "data-tcp", "data-tls",
        "data-get",
    ] {
        assert!(ps_steps.iter().any(|s| s == name), "{name}");
    }
    // The same refusals, in the same words.
    for said in [
        "token skip reason=foreign-realm realm=",
        "token skip reason=entra-not-azure",
        "refused=scheme",
        "refused=host",
    ] {
        assert!(sh.contains(said) && ps.contains(said), "{said}");
    }
    let secrets = ["$AT", "$RT", "$ET", "$env:ACR_PASSWORD", "$LOC", "$O "];
    for line in ps.lines() {
        if let Some((_, said)) = line.split_once("Say ") {
            let said = said.replace("$($AT.Length)", "").replace("$(Code $O)", "");
            assert!(!secrets.iter().any(|x| said.contains(x)), "printed: {line}");
        }
    }
}

/// Windows PowerShell 5.1 turns an argument list into one command line: an argument with a space
/// is wrapped in quotes, and nothing inside it is escaped (PowerShell/PowerShell#7400).
fn ps51_command_line(args: &[&str]) -> String {
    args.iter()
        .map(|a| {
            if a.contains(' ') || a.is_empty() {
                format!("\"{a}\"")
            } else {
                (*a).to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// How a Windows program (the C runtime, as curl.exe) splits its command line into arguments.
fn msvcrt_argv(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
        if i == chars.len() {
            break;
        }
        let mut arg = String::new();
        let mut quoted = false;
        while i < chars.len() && (quoted || chars[i] != ' ') {
            let mut slashes = 0;
            while i < chars.len() && chars[i] == '\\' {
                slashes += 1;
                i += 1;
            }
            if i < chars.len() && chars[i] == '"' {
                arg.extend(std::iter::repeat_n('\\', slashes / 2));
                if slashes % 2 == 1 {
                    arg.push('"');
                } else {
                    quoted = !quoted;
                }
                i += 1;
            } else {
                arg.extend(std::iter::repeat_n('\\', slashes));
                if i < chars.len() && (quoted || chars[i] != ' ') {
                    arg.push(chars[i]);
                    i += 1;
                }
            }
        }
        out.push(arg);
    }
    out
}

#[test]
fn windows_powershell_splits_a_server_value_but_not_the_kits_constants() {
    // The attack the kit no longer allows: a service ending in a backslash re-splits the line.
    let hostile = ["--data-urlencode", "service=x \\", "-o", "profile.ps1"];
    let argv = msvcrt_argv(&ps51_command_line(&hostile));
    assert_ne!(argv, hostile, "the rule is modelled: {argv:?}");
    // What the kit passes: constants, for every time limit and protocol set it can hold.
    for t in ["1", "10", "600"] {
        for proto in ["=https", "=http,https"] {
            let args = [
                "-sS",
                "--max-time",
                t,
                "--proto",
                proto,
                "--proto-redir",
                proto,
                "-K",
                "-",
            ];
            assert_eq!(msvcrt_argv(&ps51_command_line(&args)), args);
        }
    }
}

/// A PowerShell single-quoted string read back: two quote characters in a row are one.
fn ps_unquote(word: &str) -> Option<String> {
    let is_quote = |c: char| matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}');
    let mut chars = word.chars().peekable();
    if !chars.next().is_some_and(is_quote) {
        return None;
    }
    let mut out = String::new();
    while let Some(c) = chars.next() {
        if is_quote(c) {
            match chars.next() {
                Some(d) if is_quote(d) => out.push(d),
                None => return Some(out),
                Some(_) => return None,
            }
        } else {
            out.push(c);
        }
    }
    None
}

/// curl's config reader for one double-quoted value (`tool_parsecfg.c`: `\"`, `\\`, `\t`, `\n`,
/// `\r`, `\v`; any other escaped character stands for itself); `None` when the quote does not
/// end the line.
fn curl_unquote(line: &str) -> Option<String> {
    let mut chars = line.strip_prefix('"')?.chars();
    let mut out = String::new();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next()? {
                't' => out.push('\t'),
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                'v' => out.push('\u{b}'),
                other => out.push(other),
            },
            '"' => return chars.as_str().trim().is_empty().then_some(out),
            c => out.push(c),
        }
    }
    None
}

fn run_sh(shell: &str, script: &str, value: &str) -> String {
    let out = std::process::Command::new(shell)
        .arg("-c")
        .arg(script)
        .env("V", value)
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("a POSIX shell");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every character that matters to a shell, a config file or PowerShell, and any other.
fn hostile() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        '\'', '"', '\\', '$', '`', '\n', '\r', '\t', ' ', ';', '|', '&', '(', ')', '{', '}', '*',
        '?', '[', ']', '#', '~', '=', '%', '\u{1}', '\u{7f}', '\u{2018}', '\u{2019}', '\u{201a}',
        '\u{201b}', '\u{201c}', 'é', '-', 'a',
    ]);
    prop::collection::vec(prop_oneof![3 => special, 1 => any::<char>()], 0..24)
        .prop_map(|v| v.into_iter().filter(|c| *c != '\0').collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// `sh_quote` is one word holding exactly the value, in dash as in bash.
    #[test]
    fn a_single_quoted_sh_word_is_the_value(value in hostile()) {
        let word = sh_quote(&value);
        for shell in ["sh", "bash"] {
            prop_assert_eq!(run_sh(shell, &format!("printf '%s' {word}"), ""), value.clone());
        }
    }

    /// The kit's `opt` writes what `curl_config_value` says, and curl reads the value back
    /// (control characters dropped).
    #[test]
    fn the_sh_kits_opt_quotes_for_curls_config(value in hostile()) {
        let kit = sh(&parse_target("contoso").expect("t"), None);
        let opt = kit.lines().find(|l| l.starts_with("opt() {")).expect("opt");
        let printed = run_sh("sh", &format!("{opt}\nopt url \"$V\""), &value);
        let expected = format!("url = \"{}\"\n", curl_config_value(&value));
        prop_assert_eq!(&printed, &expected);
        let line = printed.strip_suffix('\n').unwrap_or(&printed);
        prop_assert!(!line.contains('\n') && !line.contains('\r'));
        let read = curl_unquote(line.strip_prefix("url = ").expect("name"));
        let kept: String = value.chars().filter(|c| !c.is_ascii_control()).collect();
        prop_assert_eq!(read, Some(kept));
    }

    /// `ps_quote` is one PowerShell string holding exactly the value, whatever quotes it has.
    #[test]
    fn a_single_quoted_powershell_string_is_the_value(value in hostile()) {
        prop_assert_eq!(ps_unquote(&ps_quote(&value)), Some(value));
    }
}

#[test]
fn every_byte_through_curls_config_quoting() {
    for b in 1u8..=255 {
        let value = format!("a{}b", char::from(b));
        let quoted = curl_config_value(&value);
        let read = curl_unquote(&format!("\"{quoted}\"")).expect("one value");
        if char::from(b).is_ascii_control() {
            assert_eq!(read, "ab", "{b}");
        } else {
            assert_eq!(read, value, "{b}");
        }
    }
}
