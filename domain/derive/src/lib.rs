//! `#[derive(FromJson)]`: decoding of the domain's wire types without serde's `Deserialize`.
//!
//! Why: in the app's wasm bundle, serde's derived visitors (monomorphised for every type, on top of
//! serde_json and chrono's parsers) weighed about a sixth of the bundle. `domain::json` parses JSON
//! once into a small tree with non-generic code; the code this macro generates per type is only
//! "gather the object's fields (one non-generic call), decode each one (one `FromJson` call), add the
//! field's name to an error's path (one non-generic call)".
//!
//! Single source of truth: the macro reads the `#[serde(...)]` attributes that the types already carry
//! for serde (field names, defaults, enum tagging and renaming), so serde and `FromJson` cannot
//! disagree about the wire format. It implements exactly the serde attributes the domain uses; any
//! other one is a compile error here instead of a silent difference between the two decoders:
//!
//! - structs with named fields; container `#[serde(default)]`, field `#[serde(default)]`;
//! - newtypes (one field) with `#[serde(transparent)]`;
//! - enums of unit variants, written as strings, with optional `rename_all = "snake_case" | "lowercase"`;
//! - internally tagged enums `#[serde(tag = "...")]` (optional `rename_all`) with unit or struct variants;
//! - generic type parameters, which get a `FromJson` bound.
//!
//! The generated code names `::domain::json`, so it compiles in `domain` (which declares
//! `extern crate self as domain`) and in crates that depend on `domain`.

use proc_macro::TokenStream;
use proc_macro2::{Literal, Span, TokenStream as TokenStream2};
use quote::{quote, ToTokens};
use syn::ext::IdentExt;
use syn::meta::ParseNestedMeta;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{parse_macro_input, parse_quote, Attribute, Data, DataEnum, DeriveInput, Error, Field, Fields, Ident, LitStr, Result, Token};

/// Derives `domain::json::FromJson` from the type's `#[serde(...)]` attributes (see the crate docs
/// for what is supported).
#[proc_macro_derive(FromJson, attributes(serde))]
pub fn derive_from_json(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input).unwrap_or_else(Error::into_compile_error).into()
}

/// serde's `rename_all` rules that the domain uses, applied to variant names.
#[derive(Clone, Copy)]
enum RenameAll {
    SnakeCase,
    Lowercase,
}

impl RenameAll {
    /// serde_derive's own algorithm (`internals/case.rs`), so the names cannot differ.
    fn apply(self, variant: &str) -> String {
        match self {
            RenameAll::Lowercase => variant.to_ascii_lowercase(),
            RenameAll::SnakeCase => {
                let mut snake = String::new();
                for (i, ch) in variant.char_indices() {
                    if i > 0 && ch.is_uppercase() {
                        snake.push('_');
                    }
                    snake.push(ch.to_ascii_lowercase());
                }
                snake
            }
        }
    }
}

/// The container's `#[serde(...)]` attributes, each with where it was written (for error messages).
#[derive(Default)]
struct Container {
    default: Option<Span>,
    transparent: Option<Span>,
    tag: Option<LitStr>,
    rename_all: Option<(RenameAll, Span)>,
}

/// The `#[serde(...)]` attributes among `attrs`.
fn serde_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|a| a.path().is_ident("serde"))
}

/// The name of a serde attribute item, for messages: `rename`, `default`, ...
fn item_name(meta: &ParseNestedMeta) -> String {
    meta.path.to_token_stream().to_string().replace(' ', "")
}

/// Any serde attribute that this macro does not implement.
fn unsupported(meta: &ParseNestedMeta, place: &str) -> Error {
    meta.error(format!(
        "FromJson does not implement `#[serde({})]` on {place}: serde and FromJson would read the wire differently; \
         teach wire-derive (domain/derive) about it first",
        item_name(meta)
    ))
}

/// `default` without `= "path"`.
fn bare(meta: &ParseNestedMeta, place: &str) -> Result<()> {
    if meta.input.is_empty() || meta.input.peek(Token![,]) {
        Ok(())
    } else {
        Err(unsupported(meta, place))
    }
}

/// A `name = "value"` string.
fn string_value(meta: &ParseNestedMeta, place: &str) -> Result<LitStr> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse()
    } else {
        Err(unsupported(meta, place))
    }
}

fn container_attrs(attrs: &[Attribute]) -> Result<Container> {
    let place = "a type";
    let mut c = Container::default();
    for attr in serde_attrs(attrs) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("default") {
                bare(&meta, place)?;
                c.default = Some(meta.path.span());
            } else if meta.path.is_ident("transparent") {
                bare(&meta, place)?;
                c.transparent = Some(meta.path.span());
            } else if meta.path.is_ident("tag") {
                c.tag = Some(string_value(&meta, place)?);
            } else if meta.path.is_ident("rename_all") {
                let rule = string_value(&meta, place)?;
                let parsed = match rule.value().as_str() {
                    "snake_case" => RenameAll::SnakeCase,
                    "lowercase" => RenameAll::Lowercase,
                    _ => return Err(Error::new(rule.span(), "FromJson implements only rename_all = \"snake_case\" and \"lowercase\"")),
                };
                c.rename_all = Some((parsed, rule.span()));
            } else {
                return Err(unsupported(&meta, place));
            }
            Ok(())
        })?;
    }
    Ok(c)
}

/// Whether a field has `#[serde(default)]`; any other serde attribute on a field is an error.
fn field_default(field: &Field) -> Result<bool> {
    let place = "a field";
    let mut default = false;
    for attr in serde_attrs(&field.attrs) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("default") {
                bare(&meta, place)?;
                default = true;
                Ok(())
            } else {
                Err(unsupported(&meta, place))
            }
        })?;
    }
    Ok(default)
}

/// Variants take no serde attribute (their names come from the enum's `rename_all`).
fn no_variant_attrs(attrs: &[Attribute]) -> Result<()> {
    for attr in serde_attrs(attrs) {
        attr.parse_nested_meta(|meta| Err(unsupported(&meta, "a variant")))?;
    }
    Ok(())
}

/// The wire name of a field or variant identifier: serde strips `r#`.
fn wire_name(ident: &Ident) -> String {
    ident.unraw().to_string()
}

fn expand(input: &DeriveInput) -> Result<TokenStream2> {
    let c = container_attrs(&input.attrs)?;
    let body = match &input.data {
        Data::Struct(s) => struct_body(&c, &s.fields, input.ident.span())?,
        Data::Enum(e) => enum_body(&c, e, input.ident.span())?,
        Data::Union(_) => return Err(Error::new(input.ident.span(), "FromJson cannot be derived for a union")),
    };
    let mut generics = input.generics.clone();
    let params: Vec<Ident> = generics.type_params().map(|p| p.ident.clone()).collect();
    for p in params {
        generics.make_where_clause().predicates.push(parse_quote!(#p: ::domain::json::FromJson));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let name = &input.ident;
    Ok(quote! {
        #[automatically_derived]
        impl #impl_generics ::domain::json::FromJson for #name #ty_generics #where_clause {
            #[allow(unused_mut)]
            fn from_json(__json: &::domain::json::Json) -> ::core::result::Result<Self, ::domain::json::DecodeError> {
                #body
            }
        }
    })
}

/// `match <decoding> { Ok(v) => v, Err(e) => return Err(e.at("name")) }`: the one place a field's
/// name joins an error's path, through the non-generic `DecodeError::at`.
fn decoded(decoding: TokenStream2, name: &str) -> TokenStream2 {
    quote! {
        match #decoding {
            ::core::result::Result::Ok(__v) => __v,
            ::core::result::Result::Err(__e) => return ::core::result::Result::Err(__e.at(#name)),
        }
    }
}

fn struct_body(c: &Container, fields: &Fields, span: Span) -> Result<TokenStream2> {
    if let Some(tag) = &c.tag {
        return Err(Error::new(tag.span(), "FromJson implements #[serde(tag)] on enums only"));
    }
    if let Some((_, span)) = c.rename_all {
        return Err(Error::new(span, "FromJson implements #[serde(rename_all)] on enums only"));
    }
    if let Some(transparent) = c.transparent {
        if let Some(default) = c.default {
            return Err(Error::new(default, "FromJson does not implement #[serde(default)] with #[serde(transparent)]"));
        }
        let mut iter = fields.iter();
        let (Some(field), None) = (iter.next(), iter.next()) else {
            return Err(Error::new(transparent, "#[serde(transparent)] needs exactly one field"));
        };
        if field_default(field)? {
            return Err(Error::new(field.span(), "FromJson does not implement #[serde(default)] in a transparent type"));
        }
        let inner = quote!(::domain::json::FromJson::from_json(__json)?);
        return Ok(match &field.ident {
            Some(ident) => quote!(::core::result::Result::Ok(Self { #ident: #inner })),
            None => quote!(::core::result::Result::Ok(Self(#inner))),
        });
    }
    match fields {
        Fields::Named(named) => named_fields(quote!(Self), &named.named, c.default.is_some()),
        _ => Err(Error::new(span, "FromJson supports structs with named fields, and one-field structs with #[serde(transparent)]")),
    }
}

/// Decodes the named fields of a struct or of a struct variant, and builds it with `ctor`.
fn named_fields(ctor: TokenStream2, fields: &Punctuated<Field, Token![,]>, container_default: bool) -> Result<TokenStream2> {
    let mut errors: Option<Error> = None;
    let mut names = Vec::new();
    let mut inits = Vec::new();
    for (i, field) in fields.iter().enumerate() {
        let default = match field_default(field) {
            Ok(d) => d,
            Err(e) => {
                match &mut errors {
                    Some(all) => all.combine(e),
                    None => errors = Some(e),
                }
                continue;
            }
        };
        let Some(ident) = &field.ident else { continue };
        let name = wire_name(ident);
        let slot = Literal::usize_unsuffixed(i);
        let from_json = decoded(quote!(::domain::json::FromJson::from_json(__j)), &name);
        inits.push(if container_default {
            // Start from `Self::default()` and overwrite what the JSON has: serde's behaviour
            // (a missing field takes the default value's field) with the default built once.
            let missing = if default { quote!(else { __value.#ident = ::core::default::Default::default(); }) } else { quote!() };
            quote!(if let ::core::option::Option::Some(__j) = __slots[#slot] { __value.#ident = #from_json; } #missing)
        } else if default {
            quote! {
                #ident: match __slots[#slot] {
                    ::core::option::Option::Some(__j) => #from_json,
                    ::core::option::Option::None => ::core::default::Default::default(),
                }
            }
        } else {
            let from_field = decoded(quote!(::domain::json::FromJson::from_field(__slots[#slot])), &name);
            quote!(#ident: #from_field)
        });
        names.push(name);
    }
    if let Some(e) = errors {
        return Err(e);
    }
    let n = Literal::usize_unsuffixed(names.len());
    let slots = quote! {
        let mut __slots: [::core::option::Option<&::domain::json::Json>; #n] = [::core::option::Option::None; #n];
        ::domain::json::Json::fields(__json, &[#(#names),*], &mut __slots)?;
    };
    Ok(if container_default {
        quote! {
            #slots
            let mut __value: Self = ::core::default::Default::default();
            #(#inits)*
            ::core::result::Result::Ok(__value)
        }
    } else {
        quote! {
            #slots
            ::core::result::Result::Ok(#ctor { #(#inits),* })
        }
    })
}

fn enum_body(c: &Container, e: &DataEnum, span: Span) -> Result<TokenStream2> {
    if let Some(span) = c.default.or(c.transparent) {
        return Err(Error::new(span, "FromJson does not implement #[serde(default)] or #[serde(transparent)] on enums"));
    }
    if e.variants.is_empty() {
        return Err(Error::new(span, "FromJson cannot decode an enum without variants"));
    }
    let mut names = Vec::new();
    let mut bodies = Vec::new();
    for v in &e.variants {
        no_variant_attrs(&v.attrs)?;
        let ident = &v.ident;
        let plain = wire_name(ident);
        names.push(match c.rename_all {
            Some((rule, _)) => rule.apply(&plain),
            None => plain,
        });
        bodies.push(match (&v.fields, &c.tag) {
            (Fields::Unit, _) => quote!(::core::result::Result::Ok(Self::#ident)),
            (Fields::Named(named), Some(_)) => {
                let build = named_fields(quote!(Self::#ident), &named.named, false)?;
                quote!({ #build })
            }
            (_, Some(_)) => {
                return Err(Error::new(v.span(), "FromJson supports unit and struct-like variants in a tagged enum"));
            }
            (_, None) => {
                return Err(Error::new(
                    v.span(),
                    "FromJson supports only unit variants (JSON strings) in an enum without #[serde(tag = \"...\")]",
                ));
            }
        });
    }
    let index = match &c.tag {
        None => quote!(::domain::json::Json::variant(__json, &[#(#names),*])?),
        Some(tag) => quote!(::domain::json::Json::tag(__json, #tag, &[#(#names),*])?),
    };
    // Dispatch on the variant's index; the last arm is `_` so no unreachable panic is generated.
    let Some(last) = bodies.pop() else {
        return Err(Error::new(span, "FromJson cannot decode an enum without variants"));
    };
    if bodies.is_empty() {
        return Ok(quote! { #index; #last });
    }
    let indices = (0..bodies.len()).map(Literal::usize_unsuffixed);
    Ok(quote! {
        match #index {
            #(#indices => #bodies,)*
            _ => #last,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(input: DeriveInput) -> String {
        match expand(&input) {
            Ok(tokens) => panic!("expected a compile error, got {tokens}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn serde_attributes_it_does_not_implement_are_compile_errors() {
        let cases: Vec<(DeriveInput, &str)> = vec![
            (
                parse_quote!(
                    struct A {
                        #[serde(rename = "b")]
                        a: u8,
                    }
                ),
                "#[serde(rename)]` on a field",
            ),
            (
                parse_quote!(
                    struct A {
                        #[serde(default = "f")]
                        a: u8,
                    }
                ),
                "#[serde(default)]` on a field",
            ),
            (
                parse_quote!(
                    struct A {
                        #[serde(skip)]
                        a: u8,
                    }
                ),
                "#[serde(skip)]",
            ),
            (
                parse_quote!(
                    #[serde(deny_unknown_fields)]
                    struct A {
                        a: u8,
                    }
                ),
                "#[serde(deny_unknown_fields)]` on a type",
            ),
            (
                parse_quote!(
                    #[serde(rename_all = "camelCase")]
                    enum E {
                        A,
                    }
                ),
                "snake_case",
            ),
            (
                parse_quote!(
                    #[serde(rename_all = "snake_case")]
                    struct A {
                        a: u8,
                    }
                ),
                "on enums only",
            ),
            (
                parse_quote!(
                    #[serde(tag = "t")]
                    struct A {
                        a: u8,
                    }
                ),
                "on enums only",
            ),
            (
                parse_quote!(
                    #[serde(untagged)]
                    enum E {
                        A,
                    }
                ),
                "#[serde(untagged)]",
            ),
            (
                parse_quote!(
                    enum E {
                        #[serde(rename = "x")]
                        A,
                    }
                ),
                "on a variant",
            ),
            (
                parse_quote!(
                    enum E {
                        A { a: u8 },
                    }
                ),
                "only unit variants",
            ),
            (
                parse_quote!(
                    #[serde(tag = "t")]
                    enum E {
                        A(u8),
                    }
                ),
                "unit and struct-like",
            ),
            (
                parse_quote!(
                    struct A(u8, u8);
                ),
                "named fields",
            ),
            (
                parse_quote!(
                    #[serde(transparent)]
                    struct A(u8, u8);
                ),
                "exactly one field",
            ),
            (
                parse_quote!(
                    #[serde(default)]
                    enum E {
                        A,
                    }
                ),
                "on enums",
            ),
            (
                parse_quote!(
                    enum E {}
                ),
                "without variants",
            ),
        ];
        for (input, wanted) in cases {
            let error = error_of(input);
            assert!(error.contains(wanted), "{error:?} should mention {wanted:?}");
        }
    }

    #[test]
    fn renames_variants_like_serde() {
        assert_eq!(RenameAll::SnakeCase.apply("ClosureDay"), "closure_day");
        assert_eq!(RenameAll::SnakeCase.apply("UnsupportedMediaType"), "unsupported_media_type");
        assert_eq!(RenameAll::SnakeCase.apply("Fr"), "fr");
        assert_eq!(RenameAll::Lowercase.apply("ClubMeeting"), "clubmeeting");
    }

    #[test]
    fn supported_shapes_expand() {
        let inputs: Vec<DeriveInput> = vec![
            parse_quote!(
                #[serde(default)]
                struct A {
                    a: String,
                    #[serde(default)]
                    b: Option<u8>,
                }
            ),
            parse_quote!(
                struct L<T> {
                    fr: T,
                    en: T,
                }
            ),
            parse_quote!(
                #[serde(transparent)]
                struct H(Vec<u8>);
            ),
            parse_quote!(
                #[serde(rename_all = "lowercase")]
                enum E {
                    Fr,
                    En,
                }
            ),
            parse_quote!(
                #[serde(tag = "status", rename_all = "snake_case")]
                enum S {
                    Open { at: u8 },
                    Closed,
                }
            ),
            parse_quote!(
                enum One {
                    Only,
                }
            ),
        ];
        for input in inputs {
            let tokens = expand(&input).map(|t| t.to_string());
            assert!(tokens.is_ok(), "{:?}", tokens.err().map(|e| e.to_string()));
        }
    }
}
