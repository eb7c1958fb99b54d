using System;

namespace Sendblue.Testing.Endpoints
{
    /// <summary>Reads App Cards and their layouts as the API judges them, and copies them so that the store is never shared.</summary>
    internal static class AppCards
    {
        private const int HttpsUrlMax = 2048;
        private const int DataUrlMax = 16384;

        /// <summary>The <c>app_card</c> of a send (the spec's AppCard), as the message will carry it.</summary>
        public static MessageAppCard Read(JsonBody card)
        {
            var appName = card.Required("appName");
            var bundle = card.Required("extensionBundleId");
            var team = card.Required("teamId");
            var url = Url(card.Required("url"), card.Name("url"));
            var layout = card.Object("layout") ?? throw Rejection.BadRequest($"{card.Name("layout")} is required.");
            return new MessageAppCard
            {
                AppName = appName,
                ExtensionBundleId = bundle,
                TeamId = team,
                Url = url,
                Layout = Layout(layout),
                AppStoreId = card.Integer("appStoreId", 1, long.MaxValue),
                FallbackText = card.String("fallbackText"),
                Interactive = card.Bool("interactive"),

                // Sendblue makes one up when the send leaves it out.
                SessionIdentifier = card.String("sessionIdentifier") ?? Guid.NewGuid().ToString(),
            };
        }

        public static AppCardLayout Layout(JsonBody layout)
        {
            var image = layout.String("imageUrl");
            if (image is not null && !(Uri.TryCreate(image, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
            {
                throw Rejection.BadRequest($"{layout.Name("imageUrl")} must be an https URL; it is '{image}'.");
            }

            var title = layout.String("imageTitle");
            var subtitle = layout.String("imageSubtitle");
            foreach (var (field, value) in new[] { ("imageTitle", title), ("imageSubtitle", subtitle) })
            {
                if (value is not null && image is null)
                {
                    throw Rejection.BadRequest($"{layout.Name(field)} needs {layout.Name("imageUrl")}.");
                }
            }

            return new AppCardLayout
            {
                Caption = layout.String("caption"),
                Subcaption = layout.String("subcaption"),
                TrailingCaption = layout.String("trailingCaption"),
                TrailingSubcaption = layout.String("trailingSubcaption"),
                ImageUrl = image,
                ImageTitle = title,
                ImageSubtitle = subtitle,
                Summary = layout.String("summary"),
            };
        }

        /// <summary>An App Card URL: https of at most 2048 characters, or a data URL of at most 16384.</summary>
        public static string Url(string url, string field)
        {
            if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                return url.Length <= DataUrlMax ? url : throw Rejection.BadRequest($"{field} is a data URL of {url.Length} characters; at most {DataUrlMax} are allowed.");
            }

            if (!(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
            {
                throw Rejection.BadRequest($"{field} must be an https URL or a data URL; it is '{(url.Length > 80 ? url.Substring(0, 77) + "..." : url)}'.");
            }

            return url.Length <= HttpsUrlMax ? url : throw Rejection.BadRequest($"{field} is an https URL of {url.Length} characters; at most {HttpsUrlMax} are allowed.");
        }

        public static MessageAppCard? Copy(MessageAppCard? card) => card is null ? null : new MessageAppCard
        {
            AppName = card.AppName,
            ExtensionBundleId = card.ExtensionBundleId,
            TeamId = card.TeamId,
            Url = card.Url,
            Layout = Copy(card.Layout),
            AppStoreId = card.AppStoreId,
            FallbackText = card.FallbackText,
            Interactive = card.Interactive,
            SessionIdentifier = card.SessionIdentifier,
            UpdateMessageHandle = card.UpdateMessageHandle,
            BalloonBundleId = card.BalloonBundleId,
            Revision = card.Revision,
        };

        public static AppCardLayout? Copy(AppCardLayout? layout) => layout is null ? null : new AppCardLayout
        {
            Caption = layout.Caption,
            Subcaption = layout.Subcaption,
            TrailingCaption = layout.TrailingCaption,
            TrailingSubcaption = layout.TrailingSubcaption,
            ImageUrl = layout.ImageUrl,
            ImageTitle = layout.ImageTitle,
            ImageSubtitle = layout.ImageSubtitle,
            Summary = layout.Summary,
        };
    }
}
