//! Every CSV file the portal writes: what French Excel and LibreOffice open as they are (UTF-8
//! with a byte order mark, `;` between cells, RFC 4180 quoting and line ends), and whose cells are
//! data, never formulas (`domain::privacy::spreadsheet_cell`), whoever typed them.

use domain::privacy::spreadsheet_cell;

use crate::error::{ApiError, Context};

pub struct Spreadsheet {
    w: csv::Writer<Vec<u8>>,
}

impl Spreadsheet {
    pub fn new() -> Spreadsheet {
        Spreadsheet {
            w: csv::WriterBuilder::new()
                .delimiter(b';')
                .terminator(csv::Terminator::CRLF)
                .from_writer("\u{feff}".as_bytes().to_vec()),
        }
    }

    /// One line; each cell made safe.
    pub fn row<I, S>(&mut self, cells: I) -> Result<(), ApiError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.w
            .write_record(cells.into_iter().map(|c| {
                let cell = spreadsheet_cell(c.as_ref()).into_owned();
                cell
            }))
            .context("writing the CSV")
    }

    pub fn finish(self) -> Result<Vec<u8>, ApiError> {
        self.w
            .into_inner()
            .map_err(|e| ApiError::Internal(format!("writing the CSV: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::Spreadsheet;

    #[test]
    fn formulas_come_out_as_text_and_the_file_opens_in_french_spreadsheets() {
        let mut s = Spreadsheet::new();
        s.row(["Nom", "Téléphone"]).expect("headings");
        s.row([
            "=HYPERLINK(\"http://evil.example\",\"clic\")",
            "06 12 34 56 78",
        ])
        .expect("a row");
        s.row(["@SUM(A1:A2)", "-3"]).expect("a row");
        let text = String::from_utf8(s.finish().expect("the file")).expect("UTF-8");
        assert!(text.starts_with('\u{feff}'), "a BOM for Excel");
        assert_eq!(
            text.trim_start_matches('\u{feff}'),
            "Nom;Téléphone\r\n\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"clic\"\")\";06 12 34 56 78\r\n'@SUM(A1:A2);-3\r\n"
        );
    }
}
