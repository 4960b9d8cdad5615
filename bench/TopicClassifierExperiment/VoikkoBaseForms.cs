using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace TopicClassifierExperiment;

/// <summary>
/// Option (e) of issue 13, measured only: Finnish base forms from Voikko (Debian libvoikko1 and
/// voikko-fi) through its C API. The base forms are appended to the ask, so the detector sees both
/// the words as written and their dictionary forms ("sairauslomalla" and "sairausloma").
/// </summary>
internal sealed partial class VoikkoBaseForms : IDisposable
{
    private const string Library = "libvoikko.so.1";

    private readonly IntPtr handle;

    public VoikkoBaseForms()
    {
        handle = voikkoInit(out var error, "fi", null);
        if (handle == IntPtr.Zero)
        {
            throw new InvalidOperationException("Voikko did not start: " + Marshal.PtrToStringUTF8(error));
        }
    }

    public static bool IsInstalled => NativeLibrary.TryLoad(Library, out _);

    /// <summary>The ask followed by the base form of each word whose base form differs from it.</summary>
    public string WithBaseForms(string text)
    {
        var extra = new StringBuilder();
        foreach (Match word in Word().Matches(text))
        {
            if (BaseForm(word.Value) is { } baseForm && !string.Equals(baseForm, word.Value, StringComparison.OrdinalIgnoreCase))
            {
                extra.Append(' ').Append(baseForm);
            }
        }

        return extra.Length == 0 ? text : text + "\n" + extra;
    }

    public void Dispose() => voikkoTerminate(handle);

    private string? BaseForm(string word)
    {
        var analyses = voikkoAnalyzeWordCstr(handle, word);
        if (analyses == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            var first = Marshal.ReadIntPtr(analyses);
            if (first == IntPtr.Zero)
            {
                return null;
            }

            var value = voikko_mor_analysis_value_cstr(first, "BASEFORM");
            if (value == IntPtr.Zero)
            {
                return null;
            }

            var baseForm = Marshal.PtrToStringUTF8(value);
            voikko_free_mor_analysis_value_cstr(value);
            return baseForm;
        }
        finally
        {
            voikko_free_mor_analysis(analyses);
        }
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr voikkoInit(out IntPtr error, string languageCode, string? path);

    [LibraryImport(Library)]
    private static partial void voikkoTerminate(IntPtr handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr voikkoAnalyzeWordCstr(IntPtr handle, string word);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr voikko_mor_analysis_value_cstr(IntPtr analysis, string key);

    [LibraryImport(Library)]
    private static partial void voikko_free_mor_analysis_value_cstr(IntPtr value);

    [LibraryImport(Library)]
    private static partial void voikko_free_mor_analysis(IntPtr analyses);
}
