#pragma once

#include <QString>

// Issue 15 §4: a conversation of StoredLines lines in the local store (MessageStore, SQLite)
// opened in the real view (MessageArchive fills the ConversationModel, ConversationView shows
// it): the time from asking for the conversation to its newest lines painted; then scrolling up
// a wheel step at a time, each step's layout and paint timed, older pages coming in as the top is
// reached; and the process's resident memory before, after opening and after scrolling.
class ConversationBench
{
public:
    struct Result
    {
        bool ok = false;
        QString error;
        int storedLines = 0;
        double fillSeconds = 0;
        qint64 databaseKb = 0; // the SQLite file, search index included
        double firstOpenMs = 0; // a small conversation, the first the process shows (fonts load)
        double openMs = 0;      // then the big one: asked → newest page painted
        int openRows = 0;
        int scrollSteps = 0;
        double stepP50Ms = 0, stepP99Ms = 0, stepMaxMs = 0;
        // The GUI thread's CPU time per step: the same steps without waiting for a core.
        double stepCpuP50Ms = 0, stepCpuP99Ms = 0, stepCpuMaxMs = 0;
        int rowsAfterScroll = 0; // loaded in the conversation
        int maxRowsLaidOut = 0;  // the most the view had to lay out at any step
        long rssBeforeKb = 0, rssOpenKb = 0, rssScrolledKb = 0;
    };

    static Result run(const QString& directory, int storedLines, int scrollSteps);
};
