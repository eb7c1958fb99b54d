using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Sendblue.ContractTests.Validation
{
    /// <summary>
    /// Collects the checks of a run and writes them as Markdown: fields the API sent that the spec
    /// lacks, enum values not in the spec, fields the spec requires that were missing, and violations.
    /// </summary>
    public sealed class DriftReport
    {
        private readonly List<ContractCheck> _checks = new();
        private readonly List<string> _notes = new();
        private readonly object _gate = new();

        public DriftReport(string title)
        {
            Title = title;
        }

        /// <summary>The report's heading.</summary>
        public string Title { get; }

        /// <summary>Every check added so far.</summary>
        public IReadOnlyList<ContractCheck> Checks
        {
            get
            {
                lock (_gate)
                {
                    return _checks.ToList();
                }
            }
        }

        /// <summary>Every finding of every check.</summary>
        public IReadOnlyList<DriftFinding> Findings => Checks.SelectMany(c => c.Drift).ToList();

        /// <summary>Adds a check (and returns it, to assert on).</summary>
        public ContractCheck Add(ContractCheck check)
        {
            lock (_gate)
            {
                _checks.Add(check);
            }

            return check;
        }

        /// <summary>Adds a line to the report's notes (what ran, what was skipped and why).</summary>
        public void Note(string note)
        {
            lock (_gate)
            {
                _notes.Add(note);
            }
        }

        /// <summary>The report as Markdown.</summary>
        public string ToMarkdown(DateTimeOffset? generatedAt = null)
        {
            var checks = Checks;
            var findings = checks.SelectMany(c => c.Drift).ToList();
            var text = new StringBuilder();
            text.Append("# ").AppendLine(Title).AppendLine();
            text.Append("Generated ").Append((generatedAt ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
                .Append(" against `spec/openapi.yaml`. ")
                .Append(checks.Count.ToString(CultureInfo.InvariantCulture)).Append(" bodies checked, ")
                .Append(checks.Count(c => !c.IsValid).ToString(CultureInfo.InvariantCulture)).AppendLine(" failed validation.").AppendLine();

            lock (_gate)
            {
                foreach (var note in _notes)
                {
                    text.Append("- ").AppendLine(note);
                }
            }

            if (_notes.Count > 0)
            {
                text.AppendLine();
            }

            text.AppendLine("## Bodies checked").AppendLine();
            if (checks.Count == 0)
            {
                text.AppendLine("None.").AppendLine();
            }
            else
            {
                text.AppendLine("| subject | result |").AppendLine("|---|---|");
                foreach (var group in checks.GroupBy(c => c.Subject))
                {
                    var failed = group.Count(c => !c.IsValid);
                    text.Append("| ").Append(Cell(group.Key)).Append(" | ")
                        .Append(failed == 0 ? $"{group.Count()} conform" : $"{failed} of {group.Count()} violate the spec")
                        .AppendLine(" |");
                }

                text.AppendLine();
            }

            Section(text, findings, DriftKind.UnknownField, "Fields the API sent that the spec lacks");
            Section(text, findings, DriftKind.UnknownEnumValue, "Enum values not in the spec");
            Section(text, findings, DriftKind.MissingRequiredField, "Fields the spec requires that were missing");
            Section(text, findings, DriftKind.EmptyEnumValue, "Empty strings where the spec has an enum (read as no value)");
            Section(text, findings, DriftKind.Violation, "Violations");
            return text.ToString();
        }

        /// <summary>Writes the Markdown to a file, creating its folder.</summary>
        public void WriteTo(string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, ToMarkdown(), new UTF8Encoding(false));
        }

        private static void Section(StringBuilder text, IReadOnlyList<DriftFinding> findings, DriftKind kind, string heading)
        {
            text.Append("## ").AppendLine(heading).AppendLine();
            var rows = findings.Where(f => f.Kind == kind)
                .GroupBy(f => (f.Subject, f.Location, f.Detail))
                .OrderBy(g => g.Key.Subject, StringComparer.Ordinal).ThenBy(g => g.Key.Location, StringComparer.Ordinal)
                .ToList();
            if (rows.Count == 0)
            {
                text.AppendLine("None.").AppendLine();
                return;
            }

            text.AppendLine("| where | field | detail | times |").AppendLine("|---|---|---|---|");
            foreach (var row in rows)
            {
                text.Append("| ").Append(Cell(row.Key.Subject))
                    .Append(" | `").Append(Cell(row.Key.Location)).Append('`')
                    .Append(" | ").Append(Cell(row.Key.Detail))
                    .Append(" | ").Append(row.Count().ToString(CultureInfo.InvariantCulture)).AppendLine(" |");
            }

            text.AppendLine();
        }

        private static string Cell(string value) =>
            value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
    }
}
