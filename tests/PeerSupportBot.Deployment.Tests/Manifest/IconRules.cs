using System.Text.Json.Nodes;
using PeerSupportBot.Deployment.Tests.Png;

namespace PeerSupportBot.Deployment.Tests.Manifest;

/// <summary>
/// The icons Teams requires: a colour icon of 192 x 192 and an outline icon of 32 x 32 that is
/// white on a transparent background (every visible pixel pure white, the corners clear).
/// </summary>
internal static class IconRules
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    public static IEnumerable<string> Check(JsonObject manifest, TeamsAppPackage package)
    {
        var icons = manifest["icons"];
        foreach (var error in CheckIcon(package, "color", icons?["color"].Text(), ColorSize, CheckColor))
            yield return error;
        foreach (var error in CheckIcon(package, "outline", icons?["outline"].Text(), OutlineSize, CheckOutline))
            yield return error;
    }

    private static IEnumerable<string> CheckIcon(
        TeamsAppPackage package, string role, string? file, int size, Func<string, PngImage, IEnumerable<string>> checkPixels)
    {
        if (file is null)
            yield break; // The schema reports a missing icons entry.
        if (!package.Files.TryGetValue(file, out var bytes))
        {
            yield return $"icons.{role} refers to {file}, which is not in the package";
            yield break;
        }

        var (image, decodeError) = TryDecode(bytes);
        if (image is null)
        {
            yield return $"icons.{role}: {file} cannot be read: {decodeError}";
            yield break;
        }

        if (image.Width != size || image.Height != size)
        {
            yield return $"icons.{role}: {file} must be {size}x{size} pixels, not {image.Width}x{image.Height}";
            yield break;
        }

        foreach (var error in checkPixels(file, image))
            yield return error;
    }

    private static (PngImage? Image, string? Error) TryDecode(byte[] bytes)
    {
        try
        {
            return (PngImage.Decode(bytes), null);
        }
        catch (InvalidDataException exception)
        {
            return (null, exception.Message);
        }
    }

    private static IEnumerable<string> CheckColor(string file, PngImage image)
    {
        if (image.Pixels().Select(pixel => pixel.Pixel).Distinct().Take(2).Count() < 2)
            yield return $"icons.color: {file} is a single flat colour";
    }

    private static IEnumerable<string> CheckOutline(string file, PngImage image)
    {
        if (!image.HasTransparency)
        {
            yield return $"icons.outline: {file} has no transparency (colour type {image.ColorType}); it must be white on transparent";
            yield break;
        }

        var notWhite = image.Pixels().FirstOrDefault(pixel => pixel.Pixel.A > 0 && !pixel.Pixel.IsWhite);
        if (notWhite != default)
            yield return $"icons.outline: {file} must be white on transparent, but pixel ({notWhite.X}, {notWhite.Y}) is {notWhite.Pixel}";

        var last = OutlineSize - 1;
        (int X, int Y)[] corners = [(0, 0), (last, 0), (0, last), (last, last)];
        if (corners.Any(corner => image[corner.X, corner.Y].A != 0))
            yield return $"icons.outline: {file} must have a transparent background, but a corner is not transparent";

        if (!image.Pixels().Any(pixel => pixel.Pixel.A == 255))
            yield return $"icons.outline: {file} has no fully opaque pixel: the symbol is missing or faint";
    }
}
