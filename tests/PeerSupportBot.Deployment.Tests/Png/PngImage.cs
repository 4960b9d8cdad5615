using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PeerSupportBot.Deployment.Tests.Png;

internal readonly record struct Rgba(byte R, byte G, byte B, byte A)
{
    public bool IsWhite => R == 255 && G == 255 && B == 255;

    public override string ToString() => $"#{R:X2}{G:X2}{B:X2} alpha {A}";
}

/// <summary>
/// A decoded PNG, just enough of the format to check app icons: 8-bit greyscale, RGB, palette,
/// greyscale with alpha and RGBA, not interlaced; tRNS transparency; every chunk's CRC checked.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly Rgba[] _pixels;

    private PngImage(int width, int height, PngColorType colorType, bool hasTransparency, Rgba[] pixels)
    {
        Width = width;
        Height = height;
        ColorType = colorType;
        HasTransparency = hasTransparency;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public PngColorType ColorType { get; }

    /// <summary>True when the image can have transparent pixels: an alpha channel or a tRNS chunk.</summary>
    public bool HasTransparency { get; }

    public Rgba this[int x, int y] => _pixels[(y * Width) + x];

    public IEnumerable<(int X, int Y, Rgba Pixel)> Pixels()
    {
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
                yield return (x, y, this[x, y]);
        }
    }

    /// <summary>Decodes a PNG, or throws <see cref="InvalidDataException"/> saying what is wrong with it.</summary>
    public static PngImage Decode(byte[] bytes)
    {
        var header = ReadHeader(bytes);
        byte[]? palette = null;
        byte[]? transparency = null;
        using var compressed = new MemoryStream();
        foreach (var (type, data) in Chunks(bytes))
        {
            switch (type)
            {
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "tRNS":
                    transparency = data.ToArray();
                    break;
                case "IDAT":
                    compressed.Write(data.Span);
                    break;
            }
        }

        compressed.Position = 0;
        var raw = Inflate(compressed);
        var channels = header.ColorType.Channels();
        var scanlines = PngFilters.Unfilter(raw, header.Width, header.Height, channels);
        var pixels = ToRgba(scanlines, header, palette, transparency);
        var hasTransparency = header.ColorType is PngColorType.GreyscaleAlpha or PngColorType.Rgba || transparency is not null;
        return new PngImage(header.Width, header.Height, header.ColorType, hasTransparency, pixels);
    }

    /// <summary>Width and height from the IHDR chunk, without decoding the pixels.</summary>
    public static (int Width, int Height) ReadSize(byte[] bytes)
    {
        var header = ReadHeader(bytes);
        return (header.Width, header.Height);
    }

    private static PngHeader ReadHeader(byte[] bytes)
    {
        if (bytes.Length < Signature.Length || !bytes.AsSpan(0, Signature.Length).SequenceEqual(Signature))
            throw new InvalidDataException("not a PNG file (the signature is missing)");

        var (type, data) = Chunks(bytes).FirstOrDefault();
        if (type != "IHDR" || data.Length != 13)
            throw new InvalidDataException("the PNG does not start with an IHDR chunk");

        var span = data.Span;
        var header = new PngHeader(
            Width: checked((int)BinaryPrimitives.ReadUInt32BigEndian(span)),
            Height: checked((int)BinaryPrimitives.ReadUInt32BigEndian(span[4..])),
            BitDepth: span[8],
            ColorType: (PngColorType)span[9],
            Interlaced: span[12] != 0);
        if (header.Width <= 0 || header.Height <= 0)
            throw new InvalidDataException($"the PNG has an empty size {header.Width}x{header.Height}");
        if (!Enum.IsDefined(header.ColorType))
            throw new InvalidDataException($"the PNG has an unknown colour type {span[9]}");
        if (header.BitDepth != 8)
            throw new InvalidDataException($"only 8-bit PNGs are supported, this one has {header.BitDepth} bits per sample");
        if (header.Interlaced)
            throw new InvalidDataException("interlaced PNGs are not supported");
        return header;
    }

    private static IEnumerable<(string Type, ReadOnlyMemory<byte> Data)> Chunks(byte[] bytes)
    {
        var position = Signature.Length;
        while (position < bytes.Length)
        {
            if (bytes.Length - position < 12)
                throw new InvalidDataException("the PNG ends in the middle of a chunk");
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(position)));
            if (length > bytes.Length - position - 12)
                throw new InvalidDataException("a PNG chunk is longer than the file");

            var typeAndData = bytes.AsMemory(position + 4, 4 + length);
            var expectedCrc = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(position + 8 + length));
            if (Crc32.Compute(typeAndData.Span) != expectedCrc)
                throw new InvalidDataException("a PNG chunk's CRC does not match: the file is damaged");

            var type = Encoding.ASCII.GetString(typeAndData.Span[..4]);
            yield return (type, typeAndData[4..]);
            if (type == "IEND")
                yield break;
            position += 12 + length;
        }

        throw new InvalidDataException("the PNG has no IEND chunk");
    }

    private static byte[] Inflate(Stream compressed)
    {
        try
        {
            using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
            using var raw = new MemoryStream();
            zlib.CopyTo(raw);
            return raw.ToArray();
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidDataException($"the PNG's image data does not decompress: {exception.Message}", exception);
        }
    }

    private static Rgba[] ToRgba(byte[][] scanlines, PngHeader header, byte[]? palette, byte[]? transparency)
    {
        var pixels = new Rgba[header.Width * header.Height];
        for (var y = 0; y < header.Height; y++)
        {
            var line = scanlines[y];
            for (var x = 0; x < header.Width; x++)
                pixels[(y * header.Width) + x] = ToRgba(line, x, header.ColorType, palette, transparency);
        }

        return pixels;
    }

    private static Rgba ToRgba(byte[] line, int x, PngColorType colorType, byte[]? palette, byte[]? transparency)
    {
        switch (colorType)
        {
            case PngColorType.Greyscale:
                var grey = line[x];
                // tRNS for greyscale holds one 16-bit sample value that is fully transparent.
                var greyAlpha = transparency is { Length: 2 } && transparency[1] == grey && transparency[0] == 0 ? (byte)0 : (byte)255;
                return new Rgba(grey, grey, grey, greyAlpha);
            case PngColorType.Rgb:
                var (r, g, b) = (line[x * 3], line[(x * 3) + 1], line[(x * 3) + 2]);
                var rgbAlpha = transparency is { Length: 6 } && transparency[1] == r && transparency[3] == g && transparency[5] == b ? (byte)0 : (byte)255;
                return new Rgba(r, g, b, rgbAlpha);
            case PngColorType.Palette:
                var index = line[x];
                if (palette is null || (index * 3) + 2 >= palette.Length)
                    throw new InvalidDataException($"palette index {index} is outside the PLTE chunk");
                var paletteAlpha = transparency is not null && index < transparency.Length ? transparency[index] : (byte)255;
                return new Rgba(palette[index * 3], palette[(index * 3) + 1], palette[(index * 3) + 2], paletteAlpha);
            case PngColorType.GreyscaleAlpha:
                return new Rgba(line[x * 2], line[x * 2], line[x * 2], line[(x * 2) + 1]);
            case PngColorType.Rgba:
                return new Rgba(line[x * 4], line[(x * 4) + 1], line[(x * 4) + 2], line[(x * 4) + 3]);
            default:
                throw new InvalidDataException($"unknown colour type {colorType}");
        }
    }

    private sealed record PngHeader(int Width, int Height, byte BitDepth, PngColorType ColorType, bool Interlaced);
}

internal enum PngColorType : byte
{
    Greyscale = 0,
    Rgb = 2,
    Palette = 3,
    GreyscaleAlpha = 4,
    Rgba = 6,
}

internal static class PngColorTypeExtensions
{
    /// <summary>Bytes per pixel at 8 bits per sample.</summary>
    public static int Channels(this PngColorType colorType) => colorType switch
    {
        PngColorType.Greyscale or PngColorType.Palette => 1,
        PngColorType.GreyscaleAlpha => 2,
        PngColorType.Rgb => 3,
        PngColorType.Rgba => 4,
        _ => throw new InvalidDataException($"unknown colour type {colorType}"),
    };
}
