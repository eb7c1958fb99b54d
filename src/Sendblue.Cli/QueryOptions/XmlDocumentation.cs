using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Sendblue.Cli.QueryOptions
{
    /// <summary>
    /// The summaries of an assembly's XML documentation file (<c>Sendblue.xml</c> ships next to
    /// <c>Sendblue.dll</c>), as plain text: what the help of a query option says about it.
    /// </summary>
    internal sealed class XmlDocumentation
    {
        private static readonly Regex Whitespace = new(@"\s+", RegexOptions.Compiled);

        private readonly XElement? _members;

        private XmlDocumentation(XDocument? document)
        {
            _members = document?.Root?.Element("members");
        }

        /// <summary>No documentation: every summary is null.</summary>
        public static XmlDocumentation None { get; } = new(null);

        /// <summary>
        /// The documentation file beside <paramref name="assembly"/>, or <see cref="None"/> when there
        /// is none or it cannot be read (a single-file app, a trimmed deployment): help then falls back
        /// to a generic description rather than failing.
        /// </summary>
        public static XmlDocumentation For(Assembly assembly)
        {
            var location = assembly.Location;
            if (string.IsNullOrEmpty(location))
            {
                return None;
            }

            var path = Path.ChangeExtension(location, ".xml");
            try
            {
                return File.Exists(path) ? new XmlDocumentation(XDocument.Load(path)) : None;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or XmlException)
            {
                return None;
            }
        }

        /// <summary>Documentation from the text of a documentation file.</summary>
        public static XmlDocumentation Parse(string xml) => new(XDocument.Parse(xml));

        /// <summary>The summary of <paramref name="property"/> as one line of plain text, or null.</summary>
        public string? Summary(PropertyInfo property)
        {
            var type = property.DeclaringType;
            if (_members is null || type?.FullName is null)
            {
                return null;
            }

            // Documentation IDs spell a nested type's '+' as '.'.
            var id = $"P:{type.FullName.Replace('+', '.')}.{property.Name}";
            var summary = _members.Elements("member")
                .FirstOrDefault(m => (string?)m.Attribute("name") == id)
                ?.Element("summary");
            if (summary is null)
            {
                return null;
            }

            var builder = new StringBuilder();
            AppendText(summary, builder);
            var text = Whitespace.Replace(builder.ToString(), " ").Trim();
            return text.Length == 0 ? null : text;
        }

        private static void AppendText(XElement element, StringBuilder builder)
        {
            foreach (var node in element.Nodes())
            {
                switch (node)
                {
                    case XText text:
                        builder.Append(text.Value);
                        break;
                    case XElement { Name.LocalName: "see" or "seealso" } see when !see.Nodes().Any():
                        builder.Append(Reference(see));
                        break;
                    case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                        builder.Append((string?)reference.Attribute("name"));
                        break;
                    case XElement { Name.LocalName: "para" or "br" } paragraph:
                        builder.Append(' ');
                        AppendText(paragraph, builder);
                        builder.Append(' ');
                        break;
                    case XElement other:
                        AppendText(other, builder);
                        break;
                }
            }
        }

        /// <summary><c>&lt;see cref="T:Sendblue.MessageStatus"/&gt;</c> reads as <c>MessageStatus</c>, <c>&lt;see langword="true"/&gt;</c> as <c>true</c>.</summary>
        private static string? Reference(XElement see)
        {
            if ((string?)see.Attribute("langword") is { } langword)
            {
                return langword;
            }

            if ((string?)see.Attribute("cref") is { } cref)
            {
                var name = cref.Contains(':') ? cref.Substring(cref.IndexOf(':') + 1) : cref;
                var parameters = name.IndexOf('(');
                if (parameters >= 0)
                {
                    name = name.Substring(0, parameters);
                }

                return name.Substring(name.LastIndexOf('.') + 1);
            }

            return (string?)see.Attribute("href");
        }
    }
}
