//! The format is defined once: the shape tables that check every trip file
//! (and make the JSON Schema) and the serde model that reads the values
//! name the same keys, in the same tables, equally required.

use serde::Deserialize;
use serde::de::{self, Visitor};
use studietur::check::shape::{FILE, Kind, Spec, all_specs};
use studietur::model;

/// A deserializer that only records the field names a struct asks for.
struct FieldNames(std::cell::RefCell<Vec<&'static str>>);

#[derive(Debug)]
struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("stop")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl<'de> de::Deserializer<'de> for &FieldNames {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        self.0.borrow_mut().extend_from_slice(fields);
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

/// The keys serde reads for `T`, sorted.
fn serde_keys<T: for<'de> Deserialize<'de>>() -> Vec<&'static str> {
    let names = FieldNames(Default::default());
    assert!(T::deserialize(&names).is_err());
    let mut keys = names.0.into_inner();
    keys.sort_unstable();
    keys
}

fn table_keys(name: &str) -> Vec<&'static str> {
    let spec = all_specs()
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no table {name}"));
    let mut keys: Vec<&str> = spec.keys.iter().map(|k| k.name).collect();
    keys.sort_unstable();
    keys
}

#[test]
fn every_table_has_the_same_keys_in_both() {
    let pairs: [(&str, Vec<&str>); 14] = [
        ("the file", serde_keys::<model::TripFile>()),
        ("[trip]", serde_keys::<model::TripTable>()),
        ("logo", serde_keys::<model::Logo>()),
        ("cover", serde_keys::<model::Image>()),
        ("[[….image]]", serde_keys::<model::Image>()),
        ("[author]", serde_keys::<model::Author>()),
        ("[introduction]", serde_keys::<model::Introduction>()),
        ("[[participant]]", serde_keys::<model::Participant>()),
        ("[[day]]", serde_keys::<model::Day>()),
        ("an agenda entry", serde_keys::<model::AgendaItem>()),
        ("[[day.section]]", serde_keys::<model::Section>()),
        ("[[section]]", serde_keys::<model::Section>()),
        ("[accounts]", serde_keys::<model::Accounts>()),
        ("[[accounts.item]]", serde_keys::<model::Item>()),
    ];
    for (name, serde) in &pairs {
        assert_eq!(&table_keys(name), serde, "the keys of {name}");
    }
    // Every table of the shape is compared.
    let compared: Vec<&str> = pairs.iter().map(|(n, _)| *n).collect();
    for spec in all_specs() {
        assert!(
            compared.contains(&spec.name),
            "{} is not compared",
            spec.name
        );
    }
}

/// A value of `kind` that serde reads.
fn value(kind: &Kind) -> toml::Value {
    match kind {
        Kind::Text => "x".into(),
        Kind::Date => toml::Value::Datetime("2024-01-01".parse().unwrap()),
        Kind::Amount | Kind::Integer => 1.into(),
        Kind::Bool => true.into(),
        Kind::TextList => toml::Value::Array(vec!["x".into()]),
        Kind::Agenda => toml::Value::Array(vec![
            "x".into(),
            toml::Value::Table(table(&studietur::check::shape::AGENDA_ITEM)),
        ]),
        Kind::Table(spec) => toml::Value::Table(table(spec)),
        Kind::TableList(spec) => toml::Value::Array(vec![toml::Value::Table(table(spec))]),
    }
}

/// A table of `spec` with every key.
fn table(spec: &Spec) -> toml::Table {
    spec.keys
        .iter()
        .map(|k| (k.name.to_string(), value(&k.kind)))
        .collect()
}

fn reads(doc: &toml::Table) -> bool {
    toml::from_str::<model::TripFile>(&toml::to_string(doc).unwrap()).is_ok()
}

/// For every table under `at` in `doc` (of `spec`): each key left out in
/// turn reads iff it is optional.
fn each_key_left_out(doc: &toml::Table, at: &[&str], spec: &Spec) {
    fn table_at<'a>(t: &'a mut toml::Table, at: &[&str]) -> &'a mut toml::Table {
        at.iter().fold(t, |t, k| match t.get_mut(*k).unwrap() {
            toml::Value::Table(t) => t,
            // The first table of a list (an agenda starts with a text).
            toml::Value::Array(a) => a.iter_mut().find_map(|v| v.as_table_mut()).unwrap(),
            _ => unreachable!(),
        })
    }
    for key in spec.keys {
        let mut without = doc.clone();
        table_at(&mut without, at).remove(key.name);
        assert_eq!(
            reads(&without),
            !key.required,
            "`{}` in {}: required in the shape = {}, but serde disagrees",
            key.name,
            spec.name,
            key.required
        );
        let inner = match key.kind {
            Kind::Table(inner) | Kind::TableList(inner) => Some(inner),
            Kind::Agenda => Some(&studietur::check::shape::AGENDA_ITEM),
            _ => None,
        };
        if let Some(inner) = inner {
            let mut deeper = at.to_vec();
            deeper.push(key.name);
            each_key_left_out(doc, &deeper, inner);
        }
    }
}

#[test]
fn a_file_with_every_key_reads_and_required_keys_agree() {
    let doc = table(&FILE);
    assert!(reads(&doc), "{}", toml::to_string(&doc).unwrap());
    each_key_left_out(&doc, &[], &FILE);
}
