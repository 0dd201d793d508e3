#include "hosting/hostingoptions.h"

#include <QDir>
#include <QStandardPaths>

QString HostingOptions::effectiveDataDir() const
{
    if (!dataDir.isEmpty())
        return dataDir;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("server"));
}
