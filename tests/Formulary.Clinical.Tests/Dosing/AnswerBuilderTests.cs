using Formulary.Clinical.Dosing;
using Formulary.Clinical.Profiles;

namespace Formulary.Clinical.Tests.Dosing;

/// <summary>An alert made once per rule is the alert the words ask for, every time, and its trace step is its own line.</summary>
public sealed class AnswerBuilderTests
{
    private static readonly Citation Rule = new("Contraindications", "Hypersensitivity to the drug.");

    [Fact]
    public void RuleAlert_SameRuleAndWords_TheSameAlertAndStepEachTime()
    {
        var first = new AnswerBuilder();
        var second = new AnswerBuilder();

        first.RuleAlert(AlertSeverity.Warning, "TEST_SCREEN_NOT_DONE", "The screen was not done.", Rule);
        second.RuleAlert(AlertSeverity.Warning, "TEST_SCREEN_NOT_DONE", "The screen was not done.", Rule);

        // Made once: the second answer holds the first one's alert and trace line, not equal copies.
        Assert.Same(first.Alerts[0], second.Alerts[0]);
        Assert.Same(first.Trace[0], second.Trace[0]);
        Assert.Equal(["Alert warning TEST_SCREEN_NOT_DONE: The screen was not done. [Contraindications: \"Hypersensitivity to the drug.\"]"], second.Trace);
        Assert.Equal([0], second.AlertSteps);
    }

    [Fact]
    public void RuleAlert_OtherWordsOrSeverityForTheSameRuleAndCode_ThoseWordsNotTheKeptOnes()
    {
        var rule = new Citation("Contraindications", "Pregnancy.");
        var answer = new AnswerBuilder();

        answer.Step("Patient: ...");
        answer.RuleAlert(AlertSeverity.Warning, "TEST_CODE", "First words.", rule);
        answer.RuleAlert(AlertSeverity.Warning, "TEST_CODE", "Other words.", rule);
        answer.RuleAlert(AlertSeverity.Critical, "TEST_CODE", "Other words.", rule);

        Assert.Equal(["First words.", "Other words.", "Other words."], answer.Alerts.Select(a => a.Message));
        Assert.Equal([AlertSeverity.Warning, AlertSeverity.Warning, AlertSeverity.Critical], answer.Alerts.Select(a => a.Severity));
        Assert.Equal([1, 2, 3], answer.AlertSteps);
        Assert.Equal("Alert critical TEST_CODE: Other words. [Contraindications: \"Pregnancy.\"]", answer.Trace[3]);
    }
}
