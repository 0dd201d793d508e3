#pragma once

#include "core/namehash.h"

#include <QString>

#include <unordered_map>

class CommandContext;

// The dispatch table: command name -> handler, with what the dispatcher checks before calling it
// (registration, parameter count). Each command family adds its own commands (see commands/).
class CommandTable
{
public:
    using Handler = void (*)(CommandContext& context);
    enum class Access { BeforeRegistration, Registered };

    struct Entry
    {
        Handler handler = nullptr;
        int minParams = 0;
        Access access = Access::Registered;
    };

    void add(const QString& name, Handler handler, int minParams, Access access);
    // nullptr for an unknown command. The name is as parsed (upper case).
    const Entry* find(const QString& name) const;
    QStringList names() const;

private:
    std::unordered_map<QString, Entry, NameHash> m_entries;
};
