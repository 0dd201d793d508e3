#pragma once

#include <QDialog>

// The commands one can type, each with what it does (EventFormatter::commandHelp), in a table.
class HelpDialog : public QDialog
{
    Q_OBJECT

public:
    explicit HelpDialog(QWidget* parent = nullptr);
};
