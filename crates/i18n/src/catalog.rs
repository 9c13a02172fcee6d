//! A language's words: the compiled-in English, or a catalog file read for another language.

use std::fmt;

use crate::date::{DateStyle, DateTime};
use crate::line::{read_line, Line};
use crate::locale::{Language, Locale};
use crate::number::NumberFormat;
use crate::plural::PluralCategory;
use crate::text;
use crate::{Msg, Plural, ENGLISH_MESSAGES, ENGLISH_PLURALS, MSG_KEYS, PLURAL_KEYS};

/// Every word the site writes, in one locale, with its number and date formats.
///
/// ```
/// use news_i18n::{Catalog, Msg, Plural};
/// let english = Catalog::english();
/// assert_eq!(english.text(Msg::CommentsPostButton), "Post comment");
/// assert_eq!(english.fill(Msg::ArticleByline, &[("authors", "Ana")]), "By Ana");
/// assert_eq!(english.plural(Plural::TopicStoryCount, 1200), "1,200 stories");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalog {
    locale: Locale,
    /// Each [`Msg`]'s text in order, exactly as many as there are: reading one is then an
    /// index the compiler knows is in bounds, with no check at each of the many places a
    /// component reads a word. English is read into the same form from its compiled catalog in
    /// the crate: one way of reading words for every language is less code in every reader's
    /// wasm than a table of English statics beside it.
    messages: Box<[Box<str>; MSG_KEYS.len()]>,
    /// Each [`Plural`]'s forms in the order of its language's plural categories.
    plural_forms: Box<[Box<str>]>,
}

impl Default for Catalog {
    fn default() -> Catalog {
        Catalog::english()
    }
}

impl Catalog {
    /// The English catalog (British English), compiled in.
    pub fn english() -> Catalog {
        Catalog::from_compiled(Locale::default(), crate::ENGLISH_COMPILED)
            .expect("invariant: build.rs compiles the English catalog for this key list")
    }

    /// The locale this catalog writes for.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// A message as written: "Post comment".
    pub fn text(&self, msg: Msg) -> &str {
        &self.messages[msg as usize]
    }

    /// A message with its placeholders filled by name: `fill(Msg::ArticleByline, &[("authors",
    /// "Ana")])` is "By Ana". Numbers go in already written by [`Catalog::number`].
    pub fn fill(&self, msg: Msg, values: &[(&str, &str)]) -> String {
        text::fill(self.text(msg), values)
    }

    /// The text before and after `{name}` in a message, to put an element (a link, a `<time>`)
    /// where the placeholder is: `around(Msg::ArticlePublished, "date")` is `("Published ", "")`.
    pub fn around(&self, msg: Msg, name: &str) -> (&str, &str) {
        text::around(self.text(msg), name)
    }

    /// The plural form for `n` as written, with `{n}` unfilled.
    pub fn plural_form(&self, plural: Plural, n: usize) -> &str {
        let rule = self.locale.plural_rule();
        let n_forms = rule.categories().len();
        &self.plural_forms[plural as usize * n_forms + rule.form_idx(n as u64)]
    }

    /// The form for `n` with `{n}` written in the locale's digits: "3 new stories".
    pub fn plural(&self, plural: Plural, n: usize) -> String {
        self.plural_with(plural, n, &[])
    }

    /// The form for `n` with `{n}` and the other placeholders filled: `plural_with(
    /// Plural::SearchResultCount, 3, &[("query", "rain")])` is "3 results for “rain”".
    pub fn plural_with(&self, plural: Plural, n: usize, values: &[(&str, &str)]) -> String {
        text::fill_counted(self.plural_form(plural, n), &self.number(n), values)
    }

    /// How this locale writes whole numbers.
    pub fn number_format(&self) -> NumberFormat {
        NumberFormat::new(
            self.text(Msg::NumberDigits),
            self.text(Msg::NumberGroup),
            self.text(Msg::NumberMinGrouping),
        )
    }

    /// A whole number as this locale writes it: "12,345", "12.345", "١٢٬٣٤٥".
    pub fn number(&self, n: usize) -> String {
        self.number_format().grouped(n as u64)
    }

    /// A date on its own clock, with the offset named in [`DateStyle::DayAndTime`].
    pub fn date(&self, when: &DateTime, style: DateStyle) -> String {
        crate::date::write(self, when, style)
    }

    /// Names joined as the language lists them: "Ana", "Ana and Bo", "Ana, Bo and Cy".
    pub fn list(&self, names: &[&str]) -> String {
        let Some((last, rest)) = names.split_last() else {
            return String::new();
        };
        let Some((second_last, rest)) = rest.split_last() else {
            return (*last).to_owned();
        };
        let mut tail = self.fill(Msg::ListEnd, &[("first", second_last), ("last", last)]);
        for name in rest.iter().rev() {
            tail = self.fill(Msg::ListMiddle, &[("first", name), ("rest", &tail)]);
        }
        tail
    }

    /// Reads a catalog file (`catalogs/ar.txt`) for `locale`, keeping what is usable: a missing
    /// or broken message falls back (a plural form to the language's other forms, a message to
    /// English) and is reported with the file, line and key. `file` names the file in problems.
    pub fn parse(locale: Locale, file: &str, source: &str) -> (Catalog, Vec<CatalogProblem>) {
        let read = read_source(locale.language(), file, source);
        let mut problems = read.problems;
        let mut slots = read.slots;
        for (region, slot, message) in read.regional {
            if Some(region.as_str()) == locale.region() {
                slots[slot] = Some(message);
            }
        }
        let n_forms = locale.plural_rule().categories().len();
        let mut texts = Vec::with_capacity(slots.len());
        for (slot_idx, slot) in slots.iter().enumerate() {
            let text = match slot {
                Some(text) => text.clone(),
                None => {
                    let key = slot_key(locale.language(), slot_idx);
                    problems.push(CatalogProblem::new(file, None, &key, Problem::Missing));
                    fallback(&slots, slot_idx, n_forms)
                }
            };
            texts.push(text.into_boxed_str());
        }
        let catalog = Catalog::from_texts(locale, texts)
            .expect("invariant: a catalog read from source has a text for every slot");
        (catalog, problems)
    }

    /// Reads a catalog written by [`compile`] for `locale`'s language: one message a line, in
    /// the order of the keys, then each region's own text. Anything amiss (another version of
    /// the site's keys, a cut file) is an error, and the caller shows English.
    pub fn from_compiled(locale: Locale, compiled: &str) -> Result<Catalog, CompiledError> {
        let mut lines = compiled.lines();
        // `news-i18n {schema} {language}`, read without a `str` pattern search: this runs in
        // every reader's wasm.
        let header = lines.next().unwrap_or_default();
        let is_ours = header
            .strip_prefix("news-i18n ")
            .and_then(|rest| rest.strip_prefix(crate::SCHEMA))
            .and_then(|rest| rest.strip_prefix(' '))
            == Some(locale.language().code);
        if !is_ours {
            return Err(CompiledError::OtherKeys);
        }
        let n_slots = n_slots(locale.language());
        let mut texts: Vec<Box<str>> = lines.by_ref().take(n_slots).map(Box::from).collect();
        if texts.len() != n_slots {
            return Err(CompiledError::Cut);
        }
        // `@MA 12 text`: slot 12's text in region MA.
        for line in lines {
            let (region, rest) = line
                .strip_prefix('@')
                .and_then(|line| line.split_once(' '))
                .ok_or(CompiledError::Cut)?;
            let (slot, text) = rest.split_once(' ').ok_or(CompiledError::Cut)?;
            let slot = read_index(slot).ok_or(CompiledError::Cut)?;
            let text_slot = texts.get_mut(slot).ok_or(CompiledError::Cut)?;
            if region.as_bytes() == locale.region_bytes() {
                *text_slot = text.into();
            }
        }
        Catalog::from_texts(locale, texts).ok_or(CompiledError::Cut)
    }

    /// Each [`Msg`]'s text, then each [`Plural`]'s forms.
    fn from_texts(locale: Locale, mut texts: Vec<Box<str>>) -> Option<Catalog> {
        if texts.len() < MSG_KEYS.len() {
            return None;
        }
        let plural_forms = texts.split_off(MSG_KEYS.len()).into_boxed_slice();
        Some(Catalog {
            locale,
            messages: texts.into_boxed_slice().try_into().ok()?,
            plural_forms,
        })
    }
}

/// A slot's number in a compiled catalog, by hand: `str::parse` is more code in the wasm.
fn read_index(digits: &str) -> Option<usize> {
    if digits.is_empty() {
        return None;
    }
    digits.bytes().try_fold(0usize, |number, digit| {
        let digit = digit.checked_sub(b'0').filter(|digit| *digit < 10)?;
        number.checked_mul(10)?.checked_add(usize::from(digit))
    })
}

/// Turns a catalog file into the form the app reads with [`Catalog::from_compiled`]: no key
/// names, no comments, every problem found first. For the build; the app parses no keys.
pub fn compile(
    language: Language,
    file: &str,
    source: &str,
) -> Result<String, Vec<CatalogProblem>> {
    let read = read_source(language, file, source);
    let mut problems = read.problems;
    for (slot_idx, slot) in read.slots.iter().enumerate() {
        if slot.is_none() {
            let key = slot_key(language, slot_idx);
            problems.push(CatalogProblem::new(file, None, &key, Problem::Missing));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut out = format!("news-i18n {} {}\n", crate::SCHEMA, language.code);
    for slot in read.slots.iter().flatten() {
        out.push_str(slot);
        out.push('\n');
    }
    for (region, slot, text) in &read.regional {
        out.push_str(&format!("@{region} {slot} {text}\n"));
    }
    Ok(out)
}

/// Why a compiled catalog could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompiledError {
    /// It was compiled for another language or another version of the site's keys.
    OtherKeys,
    /// It has fewer lines than the keys, or a broken regional line.
    Cut,
}

impl CompiledError {
    /// What is wrong, for the console: `Display` without the formatting machinery.
    pub fn as_str(self) -> &'static str {
        match self {
            CompiledError::OtherKeys => "the catalog was compiled for another language or version of the site; using English",
            CompiledError::Cut => "the catalog is cut short or has a broken line; using English",
        }
    }
}

impl fmt::Display for CompiledError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::error::Error for CompiledError {}

/// Something wrong in a catalog file, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogProblem {
    /// The file's name as given to [`Catalog::parse`].
    pub file: String,
    /// 1-based; `None` for a message that is missing.
    pub line: Option<usize>,
    /// The key as written, with its plural category and region: `comments.count[few]@MA`.
    pub key: String,
    pub problem: Problem,
}

/// What is wrong with one line or key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not `key = message`; says why.
    Broken(&'static str),
    /// English has no such key.
    UnknownKey,
    /// The key (or form, or region's text) is written twice; the first is kept.
    Duplicate {
        first_line: usize,
    },
    Empty,
    /// A plural form on a key that is not a plural, or a plain message on a plural key.
    NotAPlural,
    IsAPlural,
    /// A plural category that is not CLDR's or that the language does not use for whole
    /// numbers.
    UnusedCategory,
    /// Not written; English (or another form of the plural) is shown instead.
    Missing,
    /// Its placeholders are not English's: `expected` lists English's.
    Placeholders {
        expected: Vec<String>,
        found: Vec<String>,
    },
    /// Locale data (`date.`, `number.`) that cannot be used; says what it must be.
    BadData(&'static str),
}

impl CatalogProblem {
    fn new(file: &str, line: Option<usize>, key: &str, problem: Problem) -> CatalogProblem {
        CatalogProblem {
            file: file.to_owned(),
            line,
            key: key.to_owned(),
            problem,
        }
    }
}

impl fmt::Display for CatalogProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}: ", self.file, self.key)?,
            None => write!(f, "{}: {}: ", self.file, self.key)?,
        }
        match &self.problem {
            Problem::Broken(why) => write!(f, "broken line: {why}"),
            Problem::UnknownKey => f.write_str("no such key in the English catalog"),
            Problem::Duplicate { first_line } => write!(f, "already written on line {first_line}"),
            Problem::Empty => f.write_str("the message is empty"),
            Problem::NotAPlural => f.write_str("not a plural: write it without [category]"),
            Problem::IsAPlural => f.write_str("a plural: write one line per form, key[category]"),
            Problem::UnusedCategory => f.write_str("not a plural category of this language"),
            Problem::Missing => f.write_str("missing"),
            Problem::Placeholders { expected, found } => write!(
                f,
                "placeholders {{{}}} where English has {{{}}}",
                found.join("} {"),
                expected.join("} {")
            ),
            Problem::BadData(what) => f.write_str(what),
        }
    }
}

/// Texts per language: every [`Msg`], then each [`Plural`]'s forms.
fn n_slots(language: Language) -> usize {
    MSG_KEYS.len() + PLURAL_KEYS.len() * language.plural_rule.categories().len()
}

/// The key of a slot, as written in the file.
fn slot_key(language: Language, slot_idx: usize) -> String {
    let categories = language.plural_rule.categories();
    match slot_idx.checked_sub(MSG_KEYS.len()) {
        None => MSG_KEYS[slot_idx].to_owned(),
        Some(form_idx) => format!(
            "{}[{}]",
            PLURAL_KEYS[form_idx / categories.len()],
            categories[form_idx % categories.len()].name()
        ),
    }
}

/// What to show for a missing slot: another form of the same plural (the last written), else
/// English.
fn fallback(slots: &[Option<String>], slot_idx: usize, n_forms: usize) -> String {
    match slot_idx.checked_sub(MSG_KEYS.len()) {
        None => ENGLISH_MESSAGES[slot_idx].to_owned(),
        Some(form_idx) => {
            let first = MSG_KEYS.len() + form_idx / n_forms * n_forms;
            slots[first..first + n_forms]
                .iter()
                .rev()
                .flatten()
                .next()
                .cloned()
                .unwrap_or_else(|| ENGLISH_PLURALS[form_idx / n_forms][1].to_owned())
        }
    }
}

/// A catalog file read line by line: its texts by slot, each region's own texts, problems.
struct Source {
    slots: Vec<Option<String>>,
    regional: Vec<(String, usize, String)>,
    problems: Vec<CatalogProblem>,
}

fn read_source(language: Language, file: &str, source: &str) -> Source {
    let rule = language.plural_rule;
    let categories = rule.categories();
    let mut read = Source {
        slots: vec![None; n_slots(language)],
        regional: Vec::new(),
        problems: Vec::new(),
    };
    // Where each slot (and region's slot) was first written, for duplicates.
    let mut written: Vec<(Option<String>, usize, usize)> = Vec::new();
    for (line_idx, line) in source.lines().enumerate() {
        let line_no = line_idx + 1;
        let entry = match read_line(line) {
            Line::Nothing => continue,
            Line::Broken(why) => {
                let key = line.split('=').next().unwrap_or_default().trim();
                read.problems.push(CatalogProblem::new(
                    file,
                    Some(line_no),
                    key,
                    Problem::Broken(why),
                ));
                continue;
            }
            Line::Entry(entry) => entry,
        };
        let written_key = written_key(entry.key, entry.category, entry.region);
        let mut report = |problem| {
            read.problems.push(CatalogProblem::new(
                file,
                Some(line_no),
                &written_key,
                problem,
            ));
        };
        let msg_idx = MSG_KEYS.iter().position(|key| *key == entry.key);
        let plural_idx = PLURAL_KEYS.iter().position(|key| *key == entry.key);
        let (slot, english): (usize, Vec<&str>) = match (msg_idx, plural_idx, entry.category) {
            (Some(msg_idx), _, None) => (msg_idx, vec![ENGLISH_MESSAGES[msg_idx]]),
            (Some(_), _, Some(_)) => {
                report(Problem::NotAPlural);
                continue;
            }
            (None, Some(_), None) => {
                report(Problem::IsAPlural);
                continue;
            }
            (None, Some(plural_idx), Some(category)) => {
                let form_idx = PluralCategory::from_name(category)
                    .and_then(|category| categories.iter().position(|known| *known == category));
                let Some(form_idx) = form_idx else {
                    report(Problem::UnusedCategory);
                    continue;
                };
                let slot = MSG_KEYS.len() + plural_idx * categories.len() + form_idx;
                (slot, ENGLISH_PLURALS[plural_idx].to_vec())
            }
            (None, None, _) => {
                report(Problem::UnknownKey);
                continue;
            }
        };
        let region = entry.region.map(str::to_owned);
        if let Some((_, _, first_line)) = written
            .iter()
            .find(|(known_region, known_slot, _)| *known_region == region && *known_slot == slot)
        {
            report(Problem::Duplicate {
                first_line: *first_line,
            });
            continue;
        }
        written.push((region.clone(), slot, line_no));
        if entry.message.is_empty() {
            report(Problem::Empty);
            continue;
        }
        let category = entry.category.and_then(PluralCategory::from_name);
        if let Some(problem) = check_message(language, entry.key, category, entry.message, &english)
        {
            report(problem);
            continue;
        }
        match region {
            Some(region) => read.regional.push((region, slot, entry.message.to_owned())),
            None => read.slots[slot] = Some(entry.message.to_owned()),
        }
    }
    read
}

fn written_key(key: &str, category: Option<&str>, region: Option<&str>) -> String {
    let mut written = key.to_owned();
    if let Some(category) = category {
        written.push_str(&format!("[{category}]"));
    }
    if let Some(region) = region {
        written.push('@');
        written.push_str(region);
    }
    written
}

/// A message's placeholders against English's `english` forms, and locale data against what it
/// must be.
fn check_message(
    language: Language,
    key: &str,
    category: Option<PluralCategory>,
    message: &str,
    english: &[&str],
) -> Option<Problem> {
    let sorted = |names: Vec<&str>| {
        let mut names: Vec<String> = names.into_iter().map(str::to_owned).collect();
        names.sort();
        names.dedup();
        names
    };
    let found = sorted(text::placeholders(message));
    match key {
        "number.digits" if message.chars().count() != 10 => {
            return Some(Problem::BadData(
                "the ten digits from zero to nine, with nothing between",
            ))
        }
        "number.min_grouping" if !matches!(message, "1" | "2" | "3") => {
            return Some(Problem::BadData(
                "1, 2 or 3: CLDR's minimum grouping digits",
            ))
        }
        "date.time" => {
            let allowed = ["H", "HH", "a", "h", "mm"];
            let has_hour = found
                .iter()
                .any(|name| matches!(name.as_str(), "H" | "HH" | "h"));
            let is_known = found.iter().all(|name| allowed.contains(&name.as_str()));
            return (!has_hour || !found.contains(&"mm".to_owned()) || !is_known).then_some(
                Problem::BadData(
                    "a time pattern with {HH}, {H} or {h}, then {mm}, and {a} for am/pm",
                ),
            );
        }
        _ => {}
    }
    let expected = sorted(
        english
            .iter()
            .flat_map(|form| text::placeholders(form))
            .collect(),
    );
    let mut wanted = expected.clone();
    if let Some(category) = category {
        // A form for one number may say it in words ("قصتان", two stories) without `{n}`.
        if language.plural_rule.is_single_number(category) && !found.contains(&"n".to_owned()) {
            wanted.retain(|name| name != "n");
        }
    }
    (found != wanted).then_some(Problem::Placeholders { expected, found })
}
