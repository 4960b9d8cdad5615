namespace PeerSupportBot.Matching;

/// <summary>
/// A topic found in an ask. <paramref name="Score"/> is the sum of the weights of the vocabulary
/// entries that matched (see TopicVocabulary); it ranks topics within one ask, not across asks.
/// </summary>
internal sealed record DetectedTopic(string TopicId, double Score);
