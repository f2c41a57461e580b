namespace Formulary.Monographs.Parsing.Faqs;

/// <summary>A question written in the body as a <c>### **Q1: …**</c> heading, with the text under it.</summary>
internal sealed record BodyFaq(int Number, string Question, string Answer, int Line);
