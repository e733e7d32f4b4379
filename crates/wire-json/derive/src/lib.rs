//! `#[derive(FromJson)]` and `#[derive(ToJson)]`: decoding and encoding of the domain's wire types
//! without serde's `Deserialize` and `Serialize`.
//!
//! Why: in the app's wasm bundle, serde's derived code (visitors and serializers monomorphised for
//! every type, on top of serde_json and chrono's parsers) weighed about a sixth of the bundle.
//! `wire_json` parses JSON once into a small tree and writes JSON with a few helpers, all
//! non-generic; the code these macros generate per type is only
//! - `FromJson`: "gather the object's fields (one non-generic call), decode each one (one `FromJson`
//!   call), add the field's name to an error's path (one non-generic call)";
//! - `ToJson`: "for each field, write `{"name":` or `,"name":` (one non-generic call), then its value
//!   (one `ToJson` call)".
//!
//! Single source of truth: the macros read the `#[serde(...)]` attributes that the types already carry
//! for serde (field names, defaults, enum tagging and renaming), so serde and `FromJson`/`ToJson`
//! cannot disagree about the wire format: `ToJson` writes byte for byte the text `serde_json` writes,
//! and `FromJson` reads it (the domain's tests check both on every type). They implement exactly the
//! serde attributes the domain uses; any other one is a compile error here instead of a silent
//! difference with serde:
//!
//! - structs with named fields; container `#[serde(default)]`, field `#[serde(default)]` (which only
//!   matter when decoding);
//! - newtypes (one field) with `#[serde(transparent)]`;
//! - enums of unit variants, written as strings, with optional `rename_all = "snake_case" | "lowercase"`;
//! - internally tagged enums `#[serde(tag = "...")]` (optional `rename_all`) with unit or struct
//!   variants, written as objects with the tag first, then the variant's fields;
//! - generic type parameters, which get a `FromJson` (or `ToJson`) bound.
//!
//! Fields are written in their declared order, as serde does.
//!
//! The generated code names `::wire_json`: the crate deriving must depend on `wire-json`.

use proc_macro::TokenStream;
use proc_macro2::{Literal, Span, TokenStream as TokenStream2};
use quote::{format_ident, quote, ToTokens};
use syn::ext::IdentExt;
use syn::meta::ParseNestedMeta;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{
    parse_macro_input, parse_quote, Attribute, Data, DataEnum, DeriveInput, Error, Field, Fields,
    Ident, LitStr, Member, Result, Token,
};

/// Derives `wire_json::FromJson` from the type's `#[serde(...)]` attributes (see the crate docs
/// for what is supported).
#[proc_macro_derive(FromJson, attributes(serde))]
pub fn derive_from_json(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input, Derive::FromJson)
        .unwrap_or_else(Error::into_compile_error)
        .into()
}

/// Derives `wire_json::ToJson` from the type's `#[serde(...)]` attributes, writing what serde's
/// `Serialize` writes (see the crate docs for what is supported).
#[proc_macro_derive(ToJson, attributes(serde))]
pub fn derive_to_json(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input, Derive::ToJson)
        .unwrap_or_else(Error::into_compile_error)
        .into()
}

/// Which of the two derives: they share the reading of the attributes, and its errors.
#[derive(Clone, Copy)]
enum Derive {
    FromJson,
    ToJson,
    Codes,
}

impl Derive {
    fn name(self) -> &'static str {
        match self {
            Derive::FromJson => "FromJson",
            Derive::ToJson => "ToJson",
            Derive::Codes => "Codes",
        }
    }

    /// What a difference with serde would break, for error messages.
    fn verb(self) -> &'static str {
        match self {
            Derive::FromJson => "read",
            Derive::ToJson => "write",
            Derive::Codes => "name",
        }
    }
}

/// Derives, for an enum of unit variants, its codes: `ALL` (every variant, in declared order),
/// `as_str` and `parse`, each variant's code being its wire name after serde's `rename_all` (what
/// the JSON says, and what the database stores). The enum is declared once; its codes are never
/// written by hand beside it.
#[proc_macro_derive(Codes, attributes(serde))]
pub fn derive_codes(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand_codes(&input)
        .unwrap_or_else(Error::into_compile_error)
        .into()
}

fn expand_codes(input: &DeriveInput) -> Result<TokenStream2> {
    let Shape::Unit(variants) = shape(Derive::Codes, input)? else {
        return Err(Error::new(
            input.ident.span(),
            "Codes derives only for an enum of unit variants",
        ));
    };
    let name = &input.ident;
    let count = variants.len();
    let idents: Vec<&Ident> = variants.iter().map(|v| &v.ident).collect();
    let codes: Vec<LitStr> = variants
        .iter()
        .map(|v| LitStr::new(&v.name, v.ident.span()))
        .collect();
    Ok(quote! {
        impl #name {
            /// Every variant, in declared order.
            pub const ALL: [#name; #count] = [#(#name::#idents),*];

            /// Its code: the wire name, as JSON and the database write it.
            pub fn as_str(self) -> &'static str {
                match self {
                    #(#name::#idents => #codes,)*
                }
            }

            /// The variant of a code; `None` for any other text.
            pub fn parse(code: &str) -> Option<#name> {
                #name::ALL.into_iter().find(|v| v.as_str() == code)
            }
        }
    })
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

/// Any serde attribute that these macros do not implement.
fn unsupported(derive: Derive, meta: &ParseNestedMeta, place: &str) -> Error {
    meta.error(format!(
        "{name} does not implement `#[serde({item})]` on {place}: serde and {name} would {verb} the wire differently; \
         teach wire-json-derive (crates/wire-json/derive) about it first",
        name = derive.name(),
        item = item_name(meta),
        verb = derive.verb(),
    ))
}

/// `default` without `= "path"`.
fn bare(derive: Derive, meta: &ParseNestedMeta, place: &str) -> Result<()> {
    if meta.input.is_empty() || meta.input.peek(Token![,]) {
        Ok(())
    } else {
        Err(unsupported(derive, meta, place))
    }
}

/// A `name = "value"` string.
fn string_value(derive: Derive, meta: &ParseNestedMeta, place: &str) -> Result<LitStr> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse()
    } else {
        Err(unsupported(derive, meta, place))
    }
}

fn container_attrs(derive: Derive, attrs: &[Attribute]) -> Result<Container> {
    let place = "a type";
    let mut c = Container::default();
    for attr in serde_attrs(attrs) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("default") {
                bare(derive, &meta, place)?;
                c.default = Some(meta.path.span());
            } else if meta.path.is_ident("transparent") {
                bare(derive, &meta, place)?;
                c.transparent = Some(meta.path.span());
            } else if meta.path.is_ident("tag") {
                c.tag = Some(string_value(derive, &meta, place)?);
            } else if meta.path.is_ident("rename_all") {
                let rule = string_value(derive, &meta, place)?;
                let parsed = match rule.value().as_str() {
                    "snake_case" => RenameAll::SnakeCase,
                    "lowercase" => RenameAll::Lowercase,
                    _ => {
                        return Err(Error::new(
                            rule.span(),
                            format!(
                                "{} implements only rename_all = \"snake_case\" and \"lowercase\"",
                                derive.name()
                            ),
                        ))
                    }
                };
                c.rename_all = Some((parsed, rule.span()));
            } else {
                return Err(unsupported(derive, &meta, place));
            }
            Ok(())
        })?;
    }
    Ok(c)
}

/// Whether a field has `#[serde(default)]`; any other serde attribute on a field is an error.
fn field_default(derive: Derive, field: &Field) -> Result<bool> {
    let place = "a field";
    let mut default = false;
    for attr in serde_attrs(&field.attrs) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("default") {
                bare(derive, &meta, place)?;
                default = true;
                Ok(())
            } else {
                Err(unsupported(derive, &meta, place))
            }
        })?;
    }
    Ok(default)
}

/// Variants take no serde attribute (their names come from the enum's `rename_all`).
fn no_variant_attrs(derive: Derive, attrs: &[Attribute]) -> Result<()> {
    for attr in serde_attrs(attrs) {
        attr.parse_nested_meta(|meta| Err(unsupported(derive, &meta, "a variant")))?;
    }
    Ok(())
}

/// The wire name of a field or variant identifier: serde strips `r#`.
fn wire_name(ident: &Ident) -> String {
    ident.unraw().to_string()
}

// ------------------------------------------------------------------ the wire form, read once for both derives

/// What the attributes and the shape of a type say about its wire form: checked once, the same way
/// for both derives, so they support exactly the same types.
enum Shape {
    /// `#[serde(transparent)]`: the one field's own form.
    Transparent(Member),
    /// An object of the named fields; `default` is the container's `#[serde(default)]`.
    Struct {
        default: bool,
        fields: Vec<WireField>,
    },
    /// A string per variant, all variants unit.
    Unit(Vec<Variant>),
    /// `#[serde(tag = "...")]`: an object whose member `tag` names the variant, then the variant's
    /// fields.
    Tagged { tag: LitStr, variants: Vec<Variant> },
}

/// A named field and its wire name.
struct WireField {
    ident: Ident,
    name: String,
    /// `#[serde(default)]`.
    default: bool,
}

struct Variant {
    ident: Ident,
    /// The wire name, after `rename_all`.
    name: String,
    /// A struct variant's fields; `None` for a unit variant.
    fields: Option<Vec<WireField>>,
}

fn shape(derive: Derive, input: &DeriveInput) -> Result<Shape> {
    let c = container_attrs(derive, &input.attrs)?;
    match &input.data {
        Data::Struct(s) => struct_shape(derive, &c, &s.fields, input.ident.span()),
        Data::Enum(e) => enum_shape(derive, &c, e, input.ident.span()),
        Data::Union(_) => Err(Error::new(
            input.ident.span(),
            format!("{} cannot be derived for a union", derive.name()),
        )),
    }
}

fn struct_shape(derive: Derive, c: &Container, fields: &Fields, span: Span) -> Result<Shape> {
    let name = derive.name();
    if let Some(tag) = &c.tag {
        return Err(Error::new(
            tag.span(),
            format!("{name} implements #[serde(tag)] on enums only"),
        ));
    }
    if let Some((_, span)) = c.rename_all {
        return Err(Error::new(
            span,
            format!("{name} implements #[serde(rename_all)] on enums only"),
        ));
    }
    if let Some(transparent) = c.transparent {
        if let Some(default) = c.default {
            return Err(Error::new(
                default,
                format!("{name} does not implement #[serde(default)] with #[serde(transparent)]"),
            ));
        }
        let mut iter = fields.iter();
        let (Some(field), None) = (iter.next(), iter.next()) else {
            return Err(Error::new(
                transparent,
                "#[serde(transparent)] needs exactly one field",
            ));
        };
        if field_default(derive, field)? {
            return Err(Error::new(
                field.span(),
                format!("{name} does not implement #[serde(default)] in a transparent type"),
            ));
        }
        return Ok(Shape::Transparent(match &field.ident {
            Some(ident) => Member::Named(ident.clone()),
            None => Member::Unnamed(syn::Index::from(0)),
        }));
    }
    match fields {
        Fields::Named(named) => Ok(Shape::Struct { default: c.default.is_some(), fields: named_fields(derive, &named.named)? }),
        _ => Err(Error::new(span, format!("{name} supports structs with named fields, and one-field structs with #[serde(transparent)]"))),
    }
}

/// The named fields of a struct or of a struct variant; the errors of all their attributes at once.
fn named_fields(derive: Derive, fields: &Punctuated<Field, Token![,]>) -> Result<Vec<WireField>> {
    let mut errors: Option<Error> = None;
    let mut out = Vec::new();
    for field in fields {
        let default = match field_default(derive, field) {
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
        out.push(WireField {
            ident: ident.clone(),
            name: wire_name(ident),
            default,
        });
    }
    match errors {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

fn enum_shape(derive: Derive, c: &Container, e: &DataEnum, span: Span) -> Result<Shape> {
    let name = derive.name();
    if let Some(span) = c.default.or(c.transparent) {
        return Err(Error::new(
            span,
            format!(
                "{name} does not implement #[serde(default)] or #[serde(transparent)] on enums"
            ),
        ));
    }
    if e.variants.is_empty() {
        return Err(Error::new(
            span,
            format!("{name} does not support an enum without variants"),
        ));
    }
    let mut variants = Vec::new();
    for v in &e.variants {
        no_variant_attrs(derive, &v.attrs)?;
        let plain = wire_name(&v.ident);
        let fields = match (&v.fields, &c.tag) {
            (Fields::Unit, _) => None,
            (Fields::Named(named), Some(tag)) => {
                let fields = named_fields(derive, &named.named)?;
                if let Some(f) = fields.iter().find(|f| f.name == tag.value()) {
                    // serde refuses it too: the object would have the member twice.
                    return Err(Error::new(
                        f.ident.span(),
                        format!("variant field name `{}` conflicts with the tag", f.name),
                    ));
                }
                Some(fields)
            }
            (_, Some(_)) => {
                return Err(Error::new(
                    v.span(),
                    format!("{name} supports unit and struct-like variants in a tagged enum"),
                ));
            }
            (_, None) => {
                return Err(Error::new(
                    v.span(),
                    format!("{name} supports only unit variants (JSON strings) in an enum without #[serde(tag = \"...\")]"),
                ));
            }
        };
        variants.push(Variant {
            ident: v.ident.clone(),
            name: match c.rename_all {
                Some((rule, _)) => rule.apply(&plain),
                None => plain,
            },
            fields,
        });
    }
    Ok(match &c.tag {
        Some(tag) => Shape::Tagged {
            tag: tag.clone(),
            variants,
        },
        None => Shape::Unit(variants),
    })
}

fn expand(input: &DeriveInput, derive: Derive) -> Result<TokenStream2> {
    let shape = shape(derive, input)?;
    let (trait_path, item) = match derive {
        Derive::FromJson => {
            let body = from_json_body(&shape)?;
            let item = quote! {
                #[allow(unused_mut)]
                fn from_json(__json: &::wire_json::Json) -> ::core::result::Result<Self, ::wire_json::DecodeError> {
                    #body
                }
            };
            (quote!(::wire_json::FromJson), item)
        }
        Derive::ToJson => {
            let body = to_json_body(&shape);
            let item = quote! {
                fn write_json(&self, __out: &mut ::std::string::String) {
                    #body
                }
            };
            (quote!(::wire_json::ToJson), item)
        }
        Derive::Codes => return expand_codes(input),
    };
    let mut generics = input.generics.clone();
    let params: Vec<Ident> = generics.type_params().map(|p| p.ident.clone()).collect();
    for p in params {
        generics
            .make_where_clause()
            .predicates
            .push(parse_quote!(#p: #trait_path));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let name = &input.ident;
    Ok(quote! {
        #[automatically_derived]
        impl #impl_generics #trait_path for #name #ty_generics #where_clause {
            #item
        }
    })
}

// ------------------------------------------------------------------ FromJson

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

fn from_json_body(shape: &Shape) -> Result<TokenStream2> {
    match shape {
        Shape::Transparent(member) => {
            let inner = quote!(::wire_json::FromJson::from_json(__json)?);
            Ok(match member {
                Member::Named(ident) => quote!(::core::result::Result::Ok(Self { #ident: #inner })),
                Member::Unnamed(_) => quote!(::core::result::Result::Ok(Self(#inner))),
            })
        }
        Shape::Struct { default, fields } => Ok(decode_fields(quote!(Self), fields, *default)),
        Shape::Unit(variants) => {
            let names = variants.iter().map(|v| &v.name);
            decode_variants(
                quote!(::wire_json::Json::variant(__json, &[#(#names),*])?),
                variants,
            )
        }
        Shape::Tagged { tag, variants } => {
            let names = variants.iter().map(|v| &v.name);
            decode_variants(
                quote!(::wire_json::Json::tag(__json, #tag, &[#(#names),*])?),
                variants,
            )
        }
    }
}

/// Decodes the named fields of a struct or of a struct variant, and builds it with `ctor`.
fn decode_fields(
    ctor: TokenStream2,
    fields: &[WireField],
    container_default: bool,
) -> TokenStream2 {
    let mut inits = Vec::new();
    for (i, field) in fields.iter().enumerate() {
        let (ident, name) = (&field.ident, &field.name);
        let slot = Literal::usize_unsuffixed(i);
        let from_json = decoded(quote!(::wire_json::FromJson::from_json(__j)), name);
        inits.push(if container_default {
            // Start from `Self::default()` and overwrite what the JSON has: serde's behaviour
            // (a missing field takes the default value's field) with the default built once.
            let missing = if field.default { quote!(else { __value.#ident = ::core::default::Default::default(); }) } else { quote!() };
            quote!(if let ::core::option::Option::Some(__j) = __slots[#slot] { __value.#ident = #from_json; } #missing)
        } else if field.default {
            quote! {
                #ident: match __slots[#slot] {
                    ::core::option::Option::Some(__j) => #from_json,
                    ::core::option::Option::None => ::core::default::Default::default(),
                }
            }
        } else {
            let from_field = decoded(quote!(::wire_json::FromJson::from_field(__slots[#slot])), name);
            quote!(#ident: #from_field)
        });
    }
    let names = fields.iter().map(|f| &f.name);
    let n = Literal::usize_unsuffixed(fields.len());
    let slots = quote! {
        let mut __slots: [::core::option::Option<&::wire_json::Json>; #n] = [::core::option::Option::None; #n];
        ::wire_json::Json::fields(__json, &[#(#names),*], &mut __slots)?;
    };
    if container_default {
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
    }
}

/// Dispatches on the variant's index, found by `index`; the last arm is `_` so no unreachable panic
/// is generated.
fn decode_variants(index: TokenStream2, variants: &[Variant]) -> Result<TokenStream2> {
    let mut bodies: Vec<TokenStream2> = variants
        .iter()
        .map(|v| {
            let ident = &v.ident;
            match &v.fields {
                None => quote!(::core::result::Result::Ok(Self::#ident)),
                Some(fields) => {
                    let build = decode_fields(quote!(Self::#ident), fields, false);
                    quote!({ #build })
                }
            }
        })
        .collect();
    let Some(last) = bodies.pop() else {
        return Err(Error::new(
            Span::call_site(),
            "FromJson does not support an enum without variants",
        ));
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

// ------------------------------------------------------------------ ToJson

/// `{"name":value,...}` with the values of `values`, in the fields' order (serde's): one non-generic
/// `key` call and one `ToJson` call per field. `opening` is what comes before the fields (the tag of
/// a tagged enum): when it is empty, the first field opens the object.
fn encode_object<'a>(
    opening: TokenStream2,
    members: impl Iterator<Item = (&'a str, TokenStream2)>,
) -> TokenStream2 {
    let mut first = opening.is_empty();
    let mut code = opening;
    for (name, value) in members {
        code.extend(quote! {
            ::wire_json::key(__out, #first, #name);
            ::wire_json::ToJson::write_json(#value, __out);
        });
        first = false;
    }
    if first {
        // No member at all: serde writes `{}`.
        code.extend(quote!(__out.push_str("{}");));
    } else {
        code.extend(quote!(__out.push('}');));
    }
    code
}

fn to_json_body(shape: &Shape) -> TokenStream2 {
    match shape {
        Shape::Transparent(member) => quote!(::wire_json::ToJson::write_json(&self.#member, __out)),
        Shape::Struct { fields, .. } => encode_object(
            quote!(),
            fields.iter().map(|f| {
                let ident = &f.ident;
                (f.name.as_str(), quote!(&self.#ident))
            }),
        ),
        Shape::Unit(variants) => {
            let arms = variants.iter().map(|v| {
                let (ident, name) = (&v.ident, &v.name);
                quote!(Self::#ident => #name)
            });
            quote!(::wire_json::write_str(__out, match self { #(#arms,)* }))
        }
        Shape::Tagged { tag, variants } => {
            let arms = variants.iter().map(|v| {
                let (ident, name) = (&v.ident, &v.name);
                // serde writes the tag first, then the variant's fields.
                let opening = quote! {
                    ::wire_json::key(__out, true, #tag);
                    ::wire_json::write_str(__out, #name);
                };
                match &v.fields {
                    None => {
                        let body = encode_object(opening, std::iter::empty());
                        quote!(Self::#ident => { #body })
                    }
                    Some(fields) => {
                        let bindings: Vec<Ident> = (0..fields.len())
                            .map(|i| format_ident!("__f{}", i))
                            .collect();
                        let idents = fields.iter().map(|f| &f.ident);
                        let body = encode_object(
                            opening,
                            fields
                                .iter()
                                .zip(&bindings)
                                .map(|(f, b)| (f.name.as_str(), quote!(#b))),
                        );
                        quote!(Self::#ident { #(#idents: #bindings),* } => { #body })
                    }
                }
            });
            quote!(match self { #(#arms)* })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOTH: [Derive; 2] = [Derive::FromJson, Derive::ToJson];

    fn error_of(input: &DeriveInput, derive: Derive) -> String {
        match expand(input, derive) {
            Ok(tokens) => panic!(
                "expected a compile error from {}, got {tokens}",
                derive.name()
            ),
            Err(e) => e.to_string(),
        }
    }

    fn expanded(input: &DeriveInput, derive: Derive) -> String {
        match expand(input, derive) {
            Ok(tokens) => tokens.to_string(),
            Err(e) => panic!("{} refused a supported shape: {e}", derive.name()),
        }
    }

    #[test]
    fn serde_attributes_they_do_not_implement_are_compile_errors() {
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
                    struct A {
                        #[serde(skip_serializing_if = "Option::is_none")]
                        a: Option<u8>,
                    }
                ),
                "#[serde(skip_serializing_if)]` on a field",
            ),
            (
                parse_quote!(
                    struct A {
                        #[serde(flatten)]
                        a: B,
                    }
                ),
                "#[serde(flatten)]` on a field",
            ),
            (
                parse_quote!(
                    struct A {
                        #[serde(serialize_with = "f")]
                        a: u8,
                    }
                ),
                "#[serde(serialize_with)]` on a field",
            ),
            (
                parse_quote!(
                    struct A {
                        #[serde(default, rename = "b")]
                        a: u8,
                    }
                ),
                "#[serde(rename)]` on a field",
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
                    #[serde(tag = "t", content = "c")]
                    enum E {
                        A,
                    }
                ),
                "#[serde(content)]` on a type",
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
                    #[serde(tag = "t")]
                    enum E {
                        A { t: u8 },
                    }
                ),
                "conflicts with the tag",
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
        for (input, wanted) in &cases {
            for derive in BOTH {
                let error = error_of(input, derive);
                assert!(
                    error.contains(wanted),
                    "{}: {error:?} should mention {wanted:?}",
                    derive.name()
                );
            }
        }
        let to_json = error_of(&cases[3].0, Derive::ToJson);
        assert!(
            to_json.starts_with("ToJson does not implement")
                && to_json.contains("would write the wire differently"),
            "{to_json}"
        );
        let from_json = error_of(&cases[3].0, Derive::FromJson);
        assert!(
            from_json.starts_with("FromJson does not implement")
                && from_json.contains("would read the wire differently"),
            "{from_json}"
        );
    }

    #[test]
    fn renames_variants_like_serde() {
        assert_eq!(RenameAll::SnakeCase.apply("ClosureDay"), "closure_day");
        assert_eq!(
            RenameAll::SnakeCase.apply("UnsupportedMediaType"),
            "unsupported_media_type"
        );
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
                #[serde(transparent)]
                struct N {
                    inner: Vec<u8>,
                }
            ),
            parse_quote!(
                struct Empty {}
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
                    Nothing {},
                }
            ),
            parse_quote!(
                enum One {
                    Only,
                }
            ),
        ];
        for input in &inputs {
            for derive in BOTH {
                expanded(input, derive);
            }
        }
    }

    /// What `ToJson` writes for each shape, in the order serde writes it (the byte-for-byte comparison
    /// with serde_json is in the domain's tests, on every wire type).
    #[test]
    fn to_json_writes_fields_in_order_and_the_tag_first() {
        let squeeze = |s: String| s.replace(' ', "");
        let s = squeeze(expanded(
            &parse_quote!(
                #[serde(default)]
                struct A<T> {
                    b: T,
                    #[serde(default)]
                    r#type: u8,
                }
            ),
            Derive::ToJson,
        ));
        assert!(s.contains("whereT:::wire_json::ToJson"), "{s}");
        let b = s.find(r#"key(__out,true,"b")"#).unwrap_or(usize::MAX);
        let t = s.find(r#"key(__out,false,"type")"#).unwrap_or(usize::MAX);
        assert!(b < t && t < usize::MAX, "{s}");
        assert!(
            s.contains("write_json(&self.r#type,__out)") && s.ends_with("__out.push('}');}}"),
            "{s}"
        );

        let s = squeeze(expanded(
            &parse_quote!(
                struct Empty {}
            ),
            Derive::ToJson,
        ));
        assert!(
            s.contains(r#"__out.push_str("{}")"#) && !s.contains("key("),
            "{s}"
        );

        let s = squeeze(expanded(
            &parse_quote!(
                #[serde(tag = "status", rename_all = "snake_case")]
                enum S {
                    OpenNow { at: u8, until: u8 },
                    Closed,
                }
            ),
            Derive::ToJson,
        ));
        let open = concat!(
            r#"Self::OpenNow{at:__f0,until:__f1}=>{::wire_json::key(__out,true,"status");"#,
            r#"::wire_json::write_str(__out,"open_now");::wire_json::key(__out,false,"at");"#,
            r#"::wire_json::ToJson::write_json(__f0,__out);::wire_json::key(__out,false,"until");"#,
            r#"::wire_json::ToJson::write_json(__f1,__out);__out.push('}');}"#,
        );
        assert!(s.contains(open), "{s}");
        let closed = r#"Self::Closed=>{::wire_json::key(__out,true,"status");::wire_json::write_str(__out,"closed");__out.push('}');}"#;
        assert!(s.contains(closed), "{s}");

        let s = squeeze(expanded(
            &parse_quote!(
                #[serde(rename_all = "lowercase")]
                enum E {
                    Fr,
                    En,
                }
            ),
            Derive::ToJson,
        ));
        assert!(
            s.contains(r#"write_str(__out,matchself{Self::Fr=>"fr",Self::En=>"en",})"#),
            "{s}"
        );

        let s = squeeze(expanded(
            &parse_quote!(
                #[serde(transparent)]
                struct H(Vec<u8>);
            ),
            Derive::ToJson,
        ));
        assert!(
            s.contains("::wire_json::ToJson::write_json(&self.0,__out)"),
            "{s}"
        );
    }
}
