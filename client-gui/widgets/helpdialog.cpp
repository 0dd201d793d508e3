#include "widgets/helpdialog.h"

#include "session/eventformatter.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

HelpDialog::HelpDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("helpDialog"));
    setWindowTitle(tr("Commands"));
    auto* intro = new QLabel(tr("Type a message and press Enter to send it to the conversation "
                                "on screen. These commands do more:"),
                             this);
    intro->setWordWrap(true);

    const QList<std::pair<QString, QString>> commands = EventFormatter::commandHelp();
    auto* table = new QTableWidget(int(commands.size()), 2, this);
    table->setObjectName(QStringLiteral("commandTable"));
    table->setHorizontalHeaderLabels({tr("Command"), tr("What it does")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    for (int row = 0; row < commands.size(); ++row) {
        auto* command = new QTableWidgetItem(commands.at(row).first);
        QFont mono = command->font();
        mono.setFamily(QStringLiteral("monospace"));
        mono.setStyleHint(QFont::Monospace);
        command->setFont(mono);
        table->setItem(row, 0, command);
        table->setItem(row, 1, new QTableWidgetItem(commands.at(row).second));
    }
    table->resizeColumnToContents(0);
    table->horizontalHeader()->setStretchLastSection(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    resize(560, 460);
}
