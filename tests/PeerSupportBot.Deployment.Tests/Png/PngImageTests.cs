using PeerSupportBot.Deployment.Tests.Support;

namespace PeerSupportBot.Deployment.Tests.Png;

public sealed class PngImageTests
{
    [Theory]
    [InlineData(PngFilters.None)]
    [InlineData(PngFilters.Sub)]
    [InlineData(PngFilters.Up)]
    [InlineData(PngFilters.Average)]
    [InlineData(PngFilters.Paeth)]
    public void Every_scanline_filter_decodes_back_to_the_pixels_written(byte filter)
    {
        static Rgba Pattern(int x, int y) => new((byte)(x * 37), (byte)(y * 53), (byte)((x * y) + 11), (byte)(255 - (x * 9)));

        var image = PngImage.Decode(PngWriter.Encode(17, 9, Pattern, filterForRow: _ => filter));

        Assert.All(image.Pixels(), pixel => Assert.Equal(Pattern(pixel.X, pixel.Y), pixel.Pixel));
    }

    [Fact]
    public void Rows_with_different_filters_decode_together()
    {
        static Rgba Pattern(int x, int y) => new((byte)(200 - x), (byte)(y * 29), (byte)(x ^ y), 255);

        var image = PngImage.Decode(PngWriter.Encode(12, 10, Pattern, withAlpha: false, filterForRow: y => (byte)(y % 5)));

        Assert.Equal(PngColorType.Rgb, image.ColorType);
        Assert.False(image.HasTransparency);
        Assert.All(image.Pixels(), pixel => Assert.Equal(Pattern(pixel.X, pixel.Y), pixel.Pixel));
    }

    [Fact]
    public void The_committed_colour_icon_decodes_to_its_teal_background_and_white_bubble()
    {
        var image = PngImage.Decode(File.ReadAllBytes(Repository.PathOf("manifest", "color.png")));

        Assert.Equal((192, 192), (image.Width, image.Height));
        Assert.Equal(new Rgba(0x2C, 0x6E, 0x74, 255), image[0, 0]);
        Assert.Equal(new Rgba(0x2C, 0x6E, 0x74, 255), image[191, 191]);
        Assert.Equal(new Rgba(255, 255, 255, 255), image[60, 62]);
    }

    [Fact]
    public void The_size_is_read_from_the_header_alone()
    {
        Assert.Equal((32, 32), PngImage.ReadSize(File.ReadAllBytes(Repository.PathOf("manifest", "outline.png"))));
    }

    [Fact]
    public void A_file_without_the_PNG_signature_is_rejected()
    {
        var error = Assert.Throws<InvalidDataException>(() => PngImage.Decode("GIF89a"u8.ToArray()));

        Assert.Contains("not a PNG file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_chunk_is_rejected_by_its_CRC()
    {
        var png = PngWriter.Encode(4, 4, (_, _) => new Rgba(1, 2, 3, 4));
        png[20] ^= 0x01; // inside IHDR's data: the width

        var error = Assert.Throws<InvalidDataException>(() => PngImage.Decode(png));

        Assert.Contains("CRC does not match", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_is_rejected()
    {
        var png = PngWriter.Encode(4, 4, (_, _) => new Rgba(1, 2, 3, 4));

        var error = Assert.Throws<InvalidDataException>(() => PngImage.Decode(png[..^8]));

        Assert.Contains("ends in the middle of a chunk", error.Message, StringComparison.Ordinal);
    }
}
