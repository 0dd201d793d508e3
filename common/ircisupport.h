#pragma once

#include "irccasemapping.h"

#include <QHash>
#include <QString>
#include <QStringList>

// What a server announced in RPL_ISUPPORT (005) tokens, with the defaults of
// modern.ircdocs.horse for what it did not announce.
class IrcISupport
{
public:
    // The parameters of one 005 line: the client's nick first and the trailing text last are
    // skipped; "-KEY" removes a token.
    void addReply(const QStringList& params);

    bool has(const QString& key) const { return m_tokens.contains(key); }
    QString value(const QString& key) const { return m_tokens.value(key); }

    IrcCaseMapping caseMapping() const; // rfc1459 when not announced
    QString chanTypes() const;          // "#&" when not announced
    QString prefixModes() const;        // "ov" when not announced
    QString prefixSymbols() const;      // "@+" when not announced
    int nickLength() const;             // Limits::DefaultNickLength when not announced
    int lineLength() const;             // Limits::MaxLineBytes when not announced
    QString network() const;

private:
    QHash<QString, QString> m_tokens;
};
