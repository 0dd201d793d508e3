#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// Case-insensitive comparison of nicknames and channel names, as ISUPPORT CASEMAPPING defines it
// (modern.ircdocs.horse): "ascii" folds A-Z only; "rfc1459" also folds []\~ to {}|^.
class IrcCaseMapping
{
public:
    enum class Mapping { Ascii, Rfc1459 };

    constexpr explicit IrcCaseMapping(Mapping mapping = Mapping::Rfc1459) : m_mapping(mapping) {}

    static std::optional<IrcCaseMapping> fromName(QStringView name);
    QString name() const;
    Mapping mapping() const { return m_mapping; }

    QString fold(QStringView text) const;
    QString fold(const QString& text) const; // shares text when it is folded already
    bool equals(QStringView a, QStringView b) const;

private:
    Mapping m_mapping;
};
