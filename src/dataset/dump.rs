//! Writing a dataset back out as data files, in the format it is read from.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::Dataset;
use super::load::TABLE_FILES;
use crate::error::DumpError;

/// One table as a TOML document: `[[key]]` rows, after a header comment.
fn table_toml<T: Serialize>(key: &'static str, file: &'static str, rows: &[T]) -> Result<String, DumpError> {
    let doc = BTreeMap::from([(key, rows)]);
    let body = toml::to_string(&doc).map_err(|e| DumpError::Serialize {
        file,
        table: key,
        message: e.to_string().trim().to_owned(),
    })?;
    Ok(format!(
        "# The `[[{key}]]` table of a kuril-dispute dataset, written by `Dataset::to_toml_files`.\n\
         # The format is described in the crate's data/README.md.\n\n{body}"
    ))
}

impl Dataset {
    /// Every table as a TOML file in the format of the crate's `data/` directory: `(file
    /// name, text)` pairs, one per table, in load order. Loading them back (with
    /// [`Dataset::from_toml`], or [`Dataset::from_dir`] after [`Dataset::write_dir`])
    /// gives an equal dataset. Comments in the original files are not kept.
    ///
    /// # Errors
    ///
    /// [`DumpError::Serialize`] if a value cannot be written as TOML. A dataset that
    /// loaded always can be: the checks reject what TOML cannot hold (such as a span
    /// offset beyond TOML's 64-bit integers).
    ///
    /// ```
    /// use kuril_dispute::Dataset;
    ///
    /// let files = Dataset::builtin().to_toml_files()?;
    /// assert_eq!(files.len(), 11);
    /// assert_eq!(files[0].0, "sources.toml");
    /// let again = Dataset::from_toml(files.iter().map(|(name, text)| (*name, text.as_str())))?;
    /// assert_eq!(&again, Dataset::builtin());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_toml_files(&self) -> Result<Vec<(&'static str, String)>, DumpError> {
        let mut out = Vec::with_capacity(TABLE_FILES.len());
        for table in TABLE_FILES {
            let (key, file) = (table.key, table.file);
            let text = match key {
                "source" => table_toml(key, file, &self.sources),
                "island" => table_toml(key, file, &self.islands),
                "name" => table_toml(key, file, &self.names),
                "party" => table_toml(key, file, &self.parties),
                "person" => table_toml(key, file, &self.people),
                "agreement" => table_toml(key, file, &self.agreements),
                "formula" => table_toml(key, file, &self.formulas),
                "position" => table_toml(key, file, &self.positions),
                "administration" => table_toml(key, file, &self.administration),
                "claim" => table_toml(key, file, &self.claims),
                _ => table_toml(key, file, &self.events),
            }?;
            out.push((file, text));
        }
        Ok(out)
    }

    /// Writes every table into `dir` (created if missing) as the TOML files of
    /// [`Dataset::to_toml_files`], replacing files of the same names. The directory then
    /// loads with [`Dataset::from_dir`] into an equal dataset.
    ///
    /// # Errors
    ///
    /// [`DumpError::Io`] naming the directory or file that could not be written, or
    /// [`DumpError::Serialize`] as for [`Dataset::to_toml_files`]. Nothing is written if
    /// a table cannot be serialised.
    ///
    /// ```no_run
    /// use kuril_dispute::Dataset;
    ///
    /// Dataset::builtin().write_dir("my-data/")?;
    /// assert_eq!(&Dataset::from_dir("my-data/")?, Dataset::builtin());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_dir(&self, dir: impl AsRef<Path>) -> Result<(), DumpError> {
        let dir = dir.as_ref();
        let files = self.to_toml_files()?;
        let io = |path: &Path, e: std::io::Error| DumpError::Io {
            path: path.to_owned(),
            kind: e.kind(),
            message: e.to_string(),
        };
        std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
        for (name, text) in files {
            let path = dir.join(name);
            std::fs::write(&path, text).map_err(|e| io(&path, e))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A value TOML cannot hold (a missing value in an array) is a typed error that
    /// names the file and table. Loaded datasets never hold one, so
    /// this is reached only from inside the crate.
    #[test]
    fn a_value_toml_cannot_hold_is_a_serialize_error() {
        let err = table_toml("source", "sources.toml", &[None::<u8>]).unwrap_err();
        assert!(matches!(err, DumpError::Serialize { file: "sources.toml", table: "source", .. }), "{err}");
        let text = err.to_string();
        assert!(text.starts_with("sources.toml: cannot write the `[[source]]` table as TOML: "), "{text}");
        assert!(text.len() > "sources.toml: cannot write the `[[source]]` table as TOML: ".len(), "{text}");
    }
}
