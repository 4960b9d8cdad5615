namespace PeerSupportBot.Deployment.Tests.Png;

/// <summary>The five PNG scanline filters (PNG specification, section 9), in both directions.</summary>
internal static class PngFilters
{
    public const byte None = 0;
    public const byte Sub = 1;
    public const byte Up = 2;
    public const byte Average = 3;
    public const byte Paeth = 4;

    /// <summary>Splits inflated image data into scanlines and undoes each line's filter.</summary>
    public static byte[][] Unfilter(byte[] raw, int width, int height, int bytesPerPixel)
    {
        var stride = width * bytesPerPixel;
        if (raw.Length != height * (stride + 1))
            throw new InvalidDataException($"the PNG's image data has {raw.Length} bytes, {height * (stride + 1)} expected for {width}x{height}");

        var lines = new byte[height][];
        var previous = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var offset = y * (stride + 1);
            var filter = raw[offset];
            var line = raw.AsSpan(offset + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                var left = i >= bytesPerPixel ? line[i - bytesPerPixel] : 0;
                var up = previous[i];
                var upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
                line[i] = unchecked((byte)(line[i] + Predict(filter, left, up, upLeft, y)));
            }

            lines[y] = line;
            previous = line;
        }

        return lines;
    }

    /// <summary>Applies <paramref name="filter"/> to one scanline, given the unfiltered line above.</summary>
    public static byte[] Filter(byte filter, byte[] line, byte[] previous, int bytesPerPixel)
    {
        var filtered = new byte[line.Length];
        for (var i = 0; i < line.Length; i++)
        {
            var left = i >= bytesPerPixel ? line[i - bytesPerPixel] : 0;
            var upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
            filtered[i] = unchecked((byte)(line[i] - Predict(filter, left, previous[i], upLeft, row: -1)));
        }

        return filtered;
    }

    private static int Predict(byte filter, int left, int up, int upLeft, int row) => filter switch
    {
        None => 0,
        Sub => left,
        Up => up,
        Average => (left + up) / 2,
        Paeth => PaethPredictor(left, up, upLeft),
        _ => throw new InvalidDataException($"scanline {row} has unknown filter type {filter}"),
    };

    private static int PaethPredictor(int left, int up, int upLeft)
    {
        var estimate = left + up - upLeft;
        var toLeft = Math.Abs(estimate - left);
        var toUp = Math.Abs(estimate - up);
        var toUpLeft = Math.Abs(estimate - upLeft);
        if (toLeft <= toUp && toLeft <= toUpLeft)
            return left;
        return toUp <= toUpLeft ? up : upLeft;
    }
}
