#pragma once

#include "irccasemapping.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>

// The contacts the user keeps: names of people (their accounts, which are their nicks on most
// networks), remembered per server in QSettings with when each was last seen online. Bounded
// (MaxContacts). It knows nothing of presence; PresenceTracker asks the server.
class ContactBook : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxContacts = 100;
    static constexpr int MaxNameLength = 64; // longer than any server's NICKLEN

    explicit ContactBook(QObject* parent = nullptr);

    // The contacts of this server (its host name), read from the settings; reset() follows.
    void load(const QString& server);
    QString server() const { return m_server; }
    void setCaseMapping(IrcCaseMapping mapping) { m_caseMapping = mapping; }

    QStringList names() const { return m_names; } // in the order added
    int size() const { return int(m_names.size()); }
    bool contains(const QString& name) const { return indexOf(name) >= 0; }
    // The name as the user added it, or an empty string.
    QString spelling(const QString& name) const;
    QDateTime lastSeen(const QString& name) const;
    // Saved at once.
    void setLastSeen(const QString& name, const QDateTime& when);

    enum class AddResult { Added, AlreadyThere, Invalid, Full };
    Q_ENUM(AddResult)

public slots:
    // A valid nick, not yet there, while there is room. Saved at once; added() follows.
    AddResult add(const QString& name);
    void remove(const QString& name);

signals:
    void added(const QString& name);
    void removed(const QString& name);
    void reset(); // another server's contacts

private:
    int indexOf(const QString& name) const;
    void save() const;

    QString m_server;
    QStringList m_names;
    QHash<QString, QDateTime> m_lastSeen; // folded name -> when
    IrcCaseMapping m_caseMapping;
};
