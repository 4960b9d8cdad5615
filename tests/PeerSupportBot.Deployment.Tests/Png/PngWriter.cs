using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PeerSupportBot.Deployment.Tests.Png;

/// <summary>Writes 8-bit RGBA or RGB PNGs, so tests can build broken icons and check the decoder.</summary>
internal static class PngWriter
{
    public static byte[] Encode(int width, int height, Func<int, int, Rgba> pixel, bool withAlpha = true, Func<int, byte>? filterForRow = null)
    {
        var bytesPerPixel = withAlpha ? 4 : 3;
        using var raw = new MemoryStream();
        var previous = new byte[width * bytesPerPixel];
        for (var y = 0; y < height; y++)
        {
            var line = new byte[width * bytesPerPixel];
            for (var x = 0; x < width; x++)
            {
                var value = pixel(x, y);
                line[x * bytesPerPixel] = value.R;
                line[(x * bytesPerPixel) + 1] = value.G;
                line[(x * bytesPerPixel) + 2] = value.B;
                if (withAlpha)
                    line[(x * bytesPerPixel) + 3] = value.A;
            }

            var filter = filterForRow?.Invoke(y) ?? PngFilters.None;
            raw.WriteByte(filter);
            raw.Write(PngFilters.Filter(filter, line, previous, bytesPerPixel));
            previous = line;
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(raw.ToArray());

        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8;
        header[9] = (byte)(withAlpha ? PngColorType.Rgba : PngColorType.Rgb);

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var typeAndData = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);

        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)data.Length);
        png.Write(number);
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.Compute(typeAndData));
        png.Write(number);
    }
}
