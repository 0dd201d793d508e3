#pragma once

#include <QString>
#include <QStringList>

class IrcCaseMapping;

// The parameter of one LIST command, with the ELIST extensions the server implements
// (ISUPPORT ELIST=MNU): a comma-separated list of channel names, masks ("#a*": M), negated masks
// ("!#a*": N) and user counts (">5", "<20": U). Names pick the channels; every other condition
// must hold for a channel to be listed. A pure function of the parameter.
class ListRequest
{
public:
    // The ISUPPORT ELIST value: what the conditions above cover.
    static constexpr const char* Extensions = "MNU";

    ListRequest(const QString& param, const IrcCaseMapping& caseMapping);

    // The channel names given (not masks), as given; empty: every channel is a candidate.
    const QStringList& names() const { return m_names; }
    // Whether a channel with this (display) name and member count passes the conditions.
    bool matches(const QString& channel, int members) const;

private:
    const IrcCaseMapping& m_caseMapping;
    QStringList m_names;
    QStringList m_masks;    // folded
    QStringList m_notMasks; // folded
    int m_moreThan = -1;    // members > this
    int m_fewerThan = -1;   // members < this (-1: no bound)
};
