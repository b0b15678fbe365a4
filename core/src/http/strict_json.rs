//! Reading a parsed JSON body into a request type the way the OpenAPI document describes it.
//!
//! `serde_json` fills a struct from an array as readily as from an object, by position
//! (`[[]]` is `{"permissions": []}`; serde-rs/serde#1587), so a body of the wrong type would be
//! taken as a valid one. [`Strict`] is the same data seen through a deserializer that gives a
//! struct or a map only an object, at every depth; everything else reads as `serde_json::Value`
//! reads it.

use serde::de::value::{MapDeserializer, SeqDeserializer};
use serde::de::{self, Deserializer, IntoDeserializer, Unexpected, Visitor};
use serde_json::{Error, Value};

/// A JSON value that deserializes a struct (or a map) only from an object.
pub struct Strict(pub Value);

impl<'de> IntoDeserializer<'de, Error> for Strict {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(_) => Unexpected::Other("number"),
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

impl<'de> Deserializer<'de> for Strict {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => n.deserialize_any(visitor),
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => {
                let mut seq = SeqDeserializer::new(items.into_iter().map(Strict));
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Value::Object(fields) => {
                let mut map = MapDeserializer::new(fields.into_iter().map(|(k, v)| (k, Strict(v))));
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            value => visitor.visit_some(Strict(value)),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(_) => self.deserialize_any(visitor),
            other => Err(de::Error::invalid_type(unexpected(&other), &visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(s.into_deserializer()),
            other => other.deserialize_enum(name, variants, visitor),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct seq tuple tuple_struct identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::json;

    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Inner {
        a: String,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Status {
        Active,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Body {
        permissions: Vec<String>,
        inner: Option<Inner>,
        status: Option<Status>,
        count: Option<u32>,
    }

    fn read(value: Value) -> Result<Body, Error> {
        Body::deserialize(Strict(value))
    }

    #[test]
    fn an_object_reads_as_the_struct() {
        let body = read(
            json!({"permissions": ["profile"], "inner": {"a": "x"}, "status": "active", "count": 3}),
        );
        assert_eq!(
            body.ok(),
            Some(Body {
                permissions: vec!["profile".into()],
                inner: Some(Inner { a: "x".into() }),
                status: Some(Status::Active),
                count: Some(3),
            })
        );
        let none = read(json!({"permissions": [], "inner": null}));
        assert!(none.is_ok_and(|b| b.inner.is_none() && b.status.is_none()));
    }

    #[test]
    fn an_array_never_reads_as_a_struct() {
        // Plain serde_json takes an array, by position.
        let positional = json!([["profile"], null, "active", 3]);
        assert!(serde_json::from_value::<Body>(positional.clone()).is_ok());
        let top = read(positional).err().map(|e| e.to_string());
        assert_eq!(
            top.as_deref(),
            Some("invalid type: sequence, expected struct Body")
        );
        let nested = read(json!({"permissions": [], "inner": ["x"]}))
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            nested.as_deref(),
            Some("invalid type: sequence, expected struct Inner")
        );
    }

    #[test]
    fn other_wrong_types_are_still_refused() {
        assert!(read(json!({"permissions": "profile"})).is_err());
        assert!(read(json!({"permissions": [], "count": -1})).is_err());
        assert!(read(json!({"permissions": [], "status": "gone"})).is_err());
        assert!(read(json!("text")).is_err());
    }
}
